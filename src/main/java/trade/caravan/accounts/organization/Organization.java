package trade.caravan.accounts.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.TradeRole;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/** A company that trades on Caravan; the tenant that owns its members, tokens and data. */
@Entity
@Table(name = "organizations", schema = "accounts")
class Organization {

    @Id
    private UUID id;
    private String legalName;
    private String country;
    @Enumerated(EnumType.STRING)
    private TradeRole tradeRole;
    private @Nullable String registrationNumber;
    private @Nullable String website;
    private @Nullable String postalAddress;
    private Instant createdAt;
    @Version
    private long version;

    protected Organization() {
    }

    Organization(OrganizationId id, OrganizationProfile profile, Instant now) {
        this.id = id.value();
        this.createdAt = now;
        update(profile);
    }

    void update(OrganizationProfile profile) {
        this.legalName = profile.legalName();
        this.country = profile.country().value();
        this.tradeRole = profile.tradeRole();
        this.registrationNumber = profile.registrationNumber();
        this.website = profile.website();
        this.postalAddress = profile.postalAddress();
    }

    OrganizationId id() {
        return new OrganizationId(id);
    }

    OrganizationProfile profile() {
        return new OrganizationProfile(legalName, new CountryCode(country), tradeRole, registrationNumber, website, postalAddress);
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
