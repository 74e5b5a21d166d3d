package trade.caravan.accounts.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.accounts.Role;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class MemberManagementTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MemberManagement members;
    @Autowired
    Tenancy tenancy;

    @Test
    void theLastOwnerCanNeitherBeDemotedNorRemovedNorLeave() {
        var organization = accounts.organization(Role.ADMIN);
        var owner = organization.owner();
        assertRefused(organization, () -> members.remove(owner.principal(), owner.user().id()), "error.members.last-owner");
        assertRefused(organization, () -> members.changeRole(owner.principal(), owner.user().id(), Role.ADMIN),
                "error.members.own-role");
        // an admin may not touch the owner at all
        var admin = organization.member(Role.ADMIN);
        assertRefused(organization, () -> members.changeRole(admin.principal(), owner.user().id(), Role.VIEWER),
                "error.forbidden");
        assertRefused(organization, () -> members.setEnabled(admin.principal(), owner.user().id(), false),
                "error.forbidden");
        tenancy.runAs(organization.id(), () -> assertThat(members.ownerCount()).isEqualTo(1));
    }

    @Test
    void anAdminCannotMakeAnOwnerButAnOwnerCan() {
        var organization = accounts.organization(Role.ADMIN, Role.TRADER);
        var admin = organization.member(Role.ADMIN);
        var trader = organization.member(Role.TRADER);
        assertRefused(organization, () -> members.changeRole(admin.principal(), trader.user().id(), Role.OWNER),
                "error.forbidden");
        tenancy.runAs(organization.id(), () ->
                members.changeRole(organization.owner().principal(), trader.user().id(), Role.OWNER));
        // with two owners, one may step down
        tenancy.runAs(organization.id(), () ->
                members.changeRole(trader.as(Role.OWNER), organization.owner().user().id(), Role.ADMIN));
        tenancy.runAs(organization.id(), () -> assertThat(members.ownerCount()).isEqualTo(1));
    }

    @Test
    void transferringOwnershipSwapsRolesAndNeverLeavesZeroOwners() {
        var organization = accounts.organization(Role.VIEWER);
        var owner = organization.owner();
        var viewer = organization.member(Role.VIEWER);
        Role newRole = tenancy.callAs(organization.id(), () -> members.transferOwnership(owner.principal(), viewer.user().id()));
        assertThat(newRole).isEqualTo(Role.ADMIN);
        tenancy.runAs(organization.id(), () -> {
            assertThat(members.member(viewer.user().id()).role()).isEqualTo(Role.OWNER);
            assertThat(members.member(owner.user().id()).role()).isEqualTo(Role.ADMIN);
            assertThat(members.ownerCount()).isEqualTo(1);
        });
    }

    @Test
    void disablingAMemberEndsAllItsSessionsAtOnce() throws Exception {
        var organization = accounts.organization(Role.TRADER);
        var trader = organization.member(Role.TRADER);
        Cookie first = TestAccounts.signIn(mvc, trader.email(), trader.password());
        Cookie second = TestAccounts.signIn(mvc, trader.email(), trader.password());
        mvc.perform(get("/organization").cookie(first)).andExpect(status().isOk());
        mvc.perform(get("/organization").cookie(second)).andExpect(status().isOk());

        tenancy.runAs(organization.id(), () -> members.setEnabled(organization.owner().principal(), trader.user().id(), false));

        mvc.perform(get("/organization").cookie(first)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/organization").cookie(second)).andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                        .param("email", trader.email()).param("password", trader.password()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRoleChangeSignsTheMemberOutSoNoSessionKeepsTheOldRole() throws Exception {
        var organization = accounts.organization(Role.ADMIN);
        var admin = organization.member(Role.ADMIN);
        Cookie session = TestAccounts.signIn(mvc, admin.email(), admin.password());
        mvc.perform(get("/organization/tokens").cookie(session)).andExpect(status().isOk());
        tenancy.runAs(organization.id(), () -> members.changeRole(organization.owner().principal(), admin.user().id(), Role.VIEWER));
        mvc.perform(get("/organization/tokens").cookie(session)).andExpect(status().is3xxRedirection());
        Cookie again = TestAccounts.signIn(mvc, admin.email(), admin.password());
        mvc.perform(get("/organization/tokens").cookie(again)).andExpect(status().isForbidden());
    }

    private void assertRefused(TestAccounts.Organization organization, Runnable action, String code) {
        assertThatThrownBy(() -> tenancy.runAs(organization.id(), action))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode())
                .isEqualTo(code);
    }
}
