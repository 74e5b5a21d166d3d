package trade.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.accounts.Role;
import trade.caravan.accounts.membership.MemberInvitations;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

/**
 * The central tenant scope at the persistence level: whatever a service asks, Hibernate only
 * reads and writes the scoped organization's rows; nobody in scope means no rows at all.
 */
@IntegrationTest
class TenancyTests {

    @Autowired
    Tenancy tenancy;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MemberManagement members;
    @Autowired
    MemberInvitations invitations;

    @Test
    void aTenantSeesOnlyItsOwnRowsEvenWhenItAsksForAnotherOnesById() {
        var a = accounts.organization(Role.VIEWER);
        var b = accounts.organization(Role.VIEWER);
        var bViewer = b.member(Role.VIEWER).user().id();
        assertThatThrownBy(() -> tenancy.runAs(a.id(), () -> members.member(bViewer)))
                .isInstanceOf(DomainException.class);
        assertThat(tenancy.callAs(b.id(), () -> members.member(bViewer).role())).isEqualTo(Role.VIEWER);
        assertThat(tenancy.callAs(a.id(), () -> members.page(null, 100).items()))
                .extracting(m -> m.userId()).doesNotContain(bViewer).hasSize(2);
    }

    @Test
    void withNobodyInScopeNoTenantRowIsVisible() {
        var a = accounts.organization(Role.VIEWER);
        var invitation = tenancy.callAs(a.id(), () ->
                invitations.invite(a.owner().principal(), "n-" + UUID.randomUUID() + "@test.example", Role.VIEWER,
                        Locale.ENGLISH));
        assertThatThrownBy(() -> invitations.find(invitation.id())).isInstanceOf(DomainException.class);
        assertThat(members.page(null, 100).items()).isEmpty();
        assertThat(tenancy.callAsSystem(() -> invitations.find(invitation.id()).id())).isEqualTo(invitation.id());
    }

    @Test
    void theScopeIsBoundOnlyForTheWorkGiven() {
        var a = accounts.organization();
        assertThat(tenancy.currentOrganization()).isEmpty();
        assertThat(tenancy.callAs(a.id(), () -> tenancy.currentOrganization())).contains(a.id());
        assertThat(tenancy.currentOrganization()).isEmpty();
        assertThat(Tenancy.currentTenant()).isEqualTo(Tenancy.NOBODY);
    }
}
