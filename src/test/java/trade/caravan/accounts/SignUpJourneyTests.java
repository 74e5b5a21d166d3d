package trade.caravan.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static trade.caravan.support.TestAccounts.fromAddress;
import static trade.caravan.support.TestAccounts.randomAddress;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Mailbox;
import trade.caravan.support.Pages;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class SignUpJourneyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpVerifySignIn() throws Exception {
        String email = "founder-" + UUID.randomUUID() + "@test.example";
        mvc.perform(signUp(email, "Lianhua Test Electronics Co., Ltd.", "CN", "a very long passphrase 2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));

        // not verified yet: the right password is answered with a resend offer, not a session
        mvc.perform(post("/login").with(csrf()).with(fromAddress(randomAddress()))
                        .param("email", email).param("password", "a very long passphrase 2026"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("/login/resend-verification")));

        Mailbox.Mail verification = mailbox.last(email);
        assertThat(verification.subject()).contains("Verify");
        String token = verification.token("/verify-email");
        // opening the link does not spend it (mail scanners prefetch links)
        mvc.perform(get("/verify-email").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/verify-email").with(csrf()).param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("verified")));
        // single use
        mvc.perform(post("/verify-email").with(csrf()).param("token", token)).andExpect(status().isGone());

        Cookie session = TestAccounts.signIn(mvc, email, "a very long passphrase 2026");
        mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lianhua Test Electronics")));
        mvc.perform(get("/organization/members").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));

        assertThat(jdbc.sql("select role from accounts.memberships m join accounts.users u on u.id = m.user_id where u.email = ?")
                .param(email).query(String.class).single()).isEqualTo("OWNER");
    }

    @Test
    void aTakenAddressGetsTheSameAnswerAndAMailInstead() throws Exception {
        String email = "taken-" + UUID.randomUUID() + "@test.example";
        MvcResult first = mvc.perform(signUp(email, "First Co.", "DE", "a very long passphrase 2026")).andReturn();
        MvcResult second = mvc.perform(signUp(email, "Second Co.", "FR", "another long passphrase 77")).andReturn();
        assertThat(second.getResponse().getStatus()).isEqualTo(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(Pages.withoutCsrfTokens(second.getResponse().getContentAsString()))
                .isEqualTo(Pages.withoutCsrfTokens(first.getResponse().getContentAsString()));
        assertThat(mailbox.to(email)).hasSize(2);
        assertThat(mailbox.last(email).subject()).contains("already have");
        assertThat(jdbc.sql("select count(*) from accounts.organizations where legal_name = 'Second Co.'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedFieldByFieldInTheUsersLanguageAndChangesNothing() throws Exception {
        String email = "bad-" + UUID.randomUUID() + "@test.example";
        long before = jdbc.sql("select count(*) from accounts.organizations").query(Long.class).single();
        mvc.perform(signUp(email, "X", "ZZ", "short").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("长度须在 2 到 200 个字符之间")));
        mvc.perform(signUp(email, "Good Name GmbH", "DE", "password1234").header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("此密码过于常见或简单")));
        mvc.perform(signUp(email, "Good Name GmbH", "XX", "a very long passphrase 2026"))
                .andExpect(content().string(containsString("Choose a country from the list.")));
        mvc.perform(signUp("not-an-address", "Good Name GmbH", "DE", "a very long passphrase 2026"))
                .andExpect(content().string(containsString("Enter a valid e-mail address.")));
        assertThat(jdbc.sql("select count(*) from accounts.organizations").query(Long.class).single()).isEqualTo(before);
        assertThat(mailbox.to(email)).isEmpty();
    }

    private static MockHttpServletRequestBuilder signUp(String email, String legalName, String country,
            String password) {
        return post("/signup").with(csrf()).with(fromAddress(randomAddress()))
                .param("legalName", legalName)
                .param("country", country)
                .param("tradeRole", "EXPORTER")
                .param("displayName", "Founder")
                .param("email", email)
                .param("password", password);
    }
}
