package trade.caravan.accounts.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.accounts.Role;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Mailbox;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

@IntegrationTest
class InvitationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Mailbox mailbox;
    @Autowired
    TestClock clock;
    @Autowired
    MemberInvitations invitations;
    @Autowired
    MemberManagement members;
    @Autowired
    Tenancy tenancy;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anInviteeJoinsWithTheOfferedRoleAndTheLinkWorksOnce() throws Exception {
        var organization = accounts.organization();
        Cookie owner = TestAccounts.signIn(mvc, organization.owner().email(), organization.owner().password());
        String email = "joiner-" + UUID.randomUUID() + "@test.example";
        mvc.perform(post("/organization/members/invite").with(csrf()).cookie(owner)
                        .param("email", email).param("role", "FINANCE"))
                .andExpect(redirectedUrl("/organization/members"));
        Mailbox.Mail mail = mailbox.last(email);
        assertThat(mail.subject()).contains(organization.name());
        String token = mail.token("/invitations/accept");

        mvc.perform(get("/invitations/accept").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/invitations/accept").with(csrf()).param("token", token)
                        .param("displayName", "Joiner").param("password", "short"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/invitations/accept").with(csrf()).param("token", token)
                        .param("displayName", "Joiner").param("password", "a fine long passphrase 9"))
                .andExpect(redirectedUrl("/login?joined"));
        mvc.perform(post("/invitations/accept").with(csrf()).param("token", token)
                        .param("displayName", "Again").param("password", "a fine long passphrase 9"))
                .andExpect(status().isGone());

        Cookie joiner = TestAccounts.signIn(mvc, email, "a fine long passphrase 9");
        mvc.perform(get("/organization").cookie(joiner)).andExpect(status().isOk());
        tenancy.runAs(organization.id(), () -> assertThat(members.page(null, 100).items())
                .anySatisfy(m -> {
                    assertThat(m.email()).isEqualTo(email);
                    assertThat(m.role()).isEqualTo(Role.FINANCE);
                    assertThat(m.emailVerified()).isTrue();
                }));
    }

    @Test
    void expiredAndRevokedLinksAreGone() throws Exception {
        var organization = accounts.organization();
        String expiring = "late-" + UUID.randomUUID() + "@test.example";
        String revoked = "revoked-" + UUID.randomUUID() + "@test.example";
        tenancy.runAs(organization.id(), () -> invitations.invite(organization.owner().principal(), expiring, Role.VIEWER, Locale.ENGLISH));
        var toRevoke = tenancy.callAs(organization.id(),
                () -> invitations.invite(organization.owner().principal(), revoked, Role.VIEWER, Locale.ENGLISH));
        tenancy.runAs(organization.id(), () -> invitations.revoke(organization.owner().principal(), toRevoke.id()));

        mvc.perform(get("/invitations/accept").param("token", mailbox.last(revoked).token("/invitations/accept")))
                .andExpect(status().isGone());
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        mvc.perform(post("/invitations/accept").with(csrf()).param("token", mailbox.last(expiring).token("/invitations/accept"))
                        .param("displayName", "Late").param("password", "a fine long passphrase 9"))
                .andExpect(status().isGone());
        mvc.perform(get("/invitations/accept").param("token", "forged-token")).andExpect(status().isGone());
    }

    @Test
    void anAddressWithAnAccountElsewhereCannotAcceptButTheInviterLearnsNothing() throws Exception {
        var organization = accounts.organization();
        var other = accounts.organization();
        String taken = other.owner().email();
        var invitation = tenancy.callAs(organization.id(),
                () -> invitations.invite(organization.owner().principal(), taken, Role.VIEWER, Locale.ENGLISH));
        assertThat(invitation.status()).isEqualTo("PENDING");
        mvc.perform(post("/invitations/accept").with(csrf()).param("token", mailbox.last(taken).token("/invitations/accept"))
                        .param("displayName", "Someone").param("password", "a fine long passphrase 9"))
                .andExpect(status().isConflict());
        tenancy.runAs(other.id(), () -> assertThat(members.member(other.owner().user().id()).role()).isEqualTo(Role.OWNER));
    }
}
