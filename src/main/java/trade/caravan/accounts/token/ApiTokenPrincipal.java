package trade.caravan.accounts.token;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.Permission;
import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/** The caller of an API request authenticated by a token: acts for the token's organization. */
public record ApiTokenPrincipal(UUID tokenId, String name, OrganizationId organizationId, Set<Permission> permissions)
        implements Actor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public ApiTokenPrincipal {
        permissions = Set.copyOf(permissions);
    }

    @Override
    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public @Nullable UserId userId() {
        return null;
    }

    @Override
    public String label() {
        return "token: " + name;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String toString() {
        return "token:" + tokenId;
    }
}
