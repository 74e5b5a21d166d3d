package trade.caravan.accounts.signin;

import java.util.Optional;

import org.springframework.stereotype.Component;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.identity.SignInCandidate;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.accounts.membership.MembershipFacts;

/** Builds the signed-in principal from the user, its membership and its organization. */
@Component
class MemberPrincipals {

    private final MemberManagement members;
    private final OrganizationDirectory organizations;

    MemberPrincipals(MemberManagement members, OrganizationDirectory organizations) {
        this.members = members;
        this.organizations = organizations;
    }

    /** Empty when the user belongs to no organization (removed) or it no longer exists. */
    Optional<MemberPrincipal> of(SignInCandidate candidate) {
        Optional<MembershipFacts> membership = members.membershipOf(candidate.user().id());
        if (membership.isEmpty()) {
            return Optional.empty();
        }
        Optional<OrganizationSummary> organization = organizations.find(membership.get().organization());
        return organization.map(o -> new MemberPrincipal(candidate.user().id(), candidate.user().email(),
                candidate.user().displayName(), o.id(), o.legalName(), membership.get().role(),
                candidate.user().locale(), candidate.passwordHash()));
    }
}
