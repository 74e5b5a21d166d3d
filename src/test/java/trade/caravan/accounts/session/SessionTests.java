package trade.caravan.accounts.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class SessionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    @Test
    void signingInStartsANewSessionAndSigningOutEndsIt() throws Exception {
        var owner = accounts.organization().owner();
        // an anonymous session exists before sign-in: the sign-in form's CSRF token lives in it
        MvcResult form = mvc.perform(get("/login")).andReturn();
        Cookie before = form.getResponse().getCookie(TestAccounts.SESSION_COOKIE);
        assertThat(before).as("session of the sign-in form").isNotNull();
        MvcResult signedIn = mvc.perform(post("/login").with(csrf()).cookie(before)
                        .with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                        .param("email", owner.email()).param("password", owner.password()))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cookie session = TestAccounts.sessionCookie(signedIn);
        assertThat(session.getValue()).as("no session fixation").isNotEqualTo(before.getValue());
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(signedIn.getResponse().getHeaders("Set-Cookie"))
                .anySatisfy(header -> assertThat(header).startsWith(TestAccounts.SESSION_COOKIE).contains("SameSite=Lax"));

        mvc.perform(get("/organization").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/organization").cookie(before)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/organization").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSessionCookieIsSecureOverTls() throws Exception {
        var owner = accounts.organization().owner();
        MvcResult signedIn = mvc.perform(post("/login").secure(true).with(csrf())
                        .with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                        .param("email", owner.email()).param("password", owner.password()))
                .andReturn();
        assertThat(TestAccounts.sessionCookie(signedIn).getSecure()).isTrue();
    }
}
