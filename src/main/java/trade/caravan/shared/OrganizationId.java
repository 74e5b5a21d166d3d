package trade.caravan.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies an organization, the tenant of every piece of tenant-owned data. */
public record OrganizationId(UUID value) implements Serializable {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId of(String value) {
        return new OrganizationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
