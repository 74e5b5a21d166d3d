package trade.caravan.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Mailbox;
import trade.caravan.support.Pages;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

@IntegrationTest
class PasswordResetTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Mailbox mailbox;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndSignsOutEverywhere() throws Exception {
        var owner = accounts.organization().owner();
        Cookie oldSession = TestAccounts.signIn(mvc, owner.email(), owner.password());
        mvc.perform(post("/password-reset").with(csrf()).with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                .param("email", owner.email())).andExpect(status().isOk());
        String token = mailbox.last(owner.email()).token("/password-reset/confirm");

        mvc.perform(get("/password-reset/confirm").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/password-reset/confirm").with(csrf()).param("token", token).param("password", "123456789012"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/password-reset/confirm").with(csrf()).param("token", token)
                .param("password", "a brand new passphrase 7")).andExpect(status().isOk());
        mvc.perform(post("/password-reset/confirm").with(csrf()).param("token", token)
                .param("password", "yet another passphrase 8")).andExpect(status().isGone());

        mvc.perform(get("/organization").cookie(oldSession)).andExpect(status().is3xxRedirection());
        TestAccounts.signIn(mvc, owner.email(), "a brand new passphrase 7");
        assertThat(mailbox.last(owner.email()).subject()).contains("changed");
    }

    @Test
    void theRequestFormAnswersTheSameForUnknownAddresses() throws Exception {
        var owner = accounts.organization().owner();
        String known = mvc.perform(post("/password-reset").with(csrf()).with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                .param("email", owner.email())).andReturn().getResponse().getContentAsString();
        String unknown = "nobody-" + UUID.randomUUID() + "@test.example";
        String stranger = mvc.perform(post("/password-reset").with(csrf()).with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                .param("email", unknown)).andReturn().getResponse().getContentAsString();
        assertThat(Pages.withoutCsrfTokens(stranger)).isEqualTo(Pages.withoutCsrfTokens(known));
        assertThat(mailbox.to(unknown)).isEmpty();
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        var owner = accounts.organization().owner();
        mvc.perform(post("/password-reset").with(csrf()).with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                .param("email", owner.email()));
        String token = mailbox.last(owner.email()).token("/password-reset/confirm");
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        mvc.perform(get("/password-reset/confirm").param("token", token)).andExpect(status().isGone());
    }

    @Test
    void requestsPerAddressAreLimited() throws Exception {
        String address = TestAccounts.randomAddress();
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            int status = mvc.perform(post("/password-reset").with(csrf()).with(TestAccounts.fromAddress(address))
                    .param("email", "flood-" + i + "@test.example")).andReturn().getResponse().getStatus();
            if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(2);
    }
}
