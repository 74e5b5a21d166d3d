package trade.caravan.accounts.membership;

import trade.caravan.accounts.Role;
import trade.caravan.shared.OrganizationId;

/** Where a user belongs and as what; used to build the signed-in principal. */
public record MembershipFacts(OrganizationId organization, Role role) {
}
