package trade.caravan.accounts.organization;

import java.time.Instant;

import trade.caravan.shared.OrganizationId;

/** The organization as its members see it. */
public record OrganizationView(OrganizationId id, OrganizationProfile profile, Instant createdAt, long version) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id(), organization.profile(), organization.createdAt(),
                organization.version());
    }
}
