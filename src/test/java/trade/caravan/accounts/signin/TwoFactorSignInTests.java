package trade.caravan.accounts.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

@IntegrationTest
class TwoFactorSignInTests {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile(">([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private final Totp totp = new Totp();

    @BeforeEach
    void freezeClock() {
        clock.freeze();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void enrolSignOutSignInWithCodeAndNeverAcceptACodeTwice() throws Exception {
        TestAccounts.Member owner = accounts.organization().owner();
        Cookie session = TestAccounts.signIn(mvc, owner.email(), owner.password());

        String enrolment = mvc.perform(post("/account/security/totp").with(csrf()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher secretMatch = SECRET.matcher(enrolment);
        assertThat(secretMatch.find()).as("secret on the enrolment page").isTrue();
        String secret = secretMatch.group(1);
        assertThat(enrolment).contains("data:image/png;base64,");

        mvc.perform(post("/account/security/totp/confirm").with(csrf()).cookie(session).param("code", "000000"))
                .andExpect(status().isBadRequest());
        String confirmed = mvc.perform(post("/account/security/totp/confirm").with(csrf()).cookie(session)
                        .param("code", currentCode(secret)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> recoveryCodes = all(RECOVERY, confirmed);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        byte[] stored = jdbc.sql("select secret from accounts.totp_credentials where user_id = ?")
                .param(owner.user().id().value()).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/login?logout"));

        // the password alone opens nothing
        MvcResult passwordStep = mvc.perform(post("/login").with(csrf())
                        .with(TestAccounts.fromAddress(TestAccounts.randomAddress()))
                        .param("email", owner.email()).param("password", owner.password()))
                .andExpect(redirectedUrl("/login/second-factor")).andReturn();
        Cookie pending = TestAccounts.sessionCookie(passwordStep);
        mvc.perform(get("/organization").cookie(pending)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(get("/api/v1/organization").cookie(pending)).andExpect(status().isForbidden());

        // the code used to confirm enrolment is spent: same time step again is refused
        mvc.perform(post("/login/second-factor").with(csrf()).cookie(pending).param("code", currentCode(secret)))
                .andExpect(status().isUnauthorized());
        clock.advance(Duration.ofSeconds(30));
        String fresh = currentCode(secret);
        MvcResult signedIn = mvc.perform(post("/login/second-factor").with(csrf()).cookie(pending).param("code", fresh))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cookie full = TestAccounts.sessionCookie(signedIn);
        assertThat(full.getValue()).as("new session id after the second factor").isNotEqualTo(pending.getValue());
        mvc.perform(get("/organization").cookie(full)).andExpect(status().isOk());

        // replay of the same code in a new sign-in is refused
        Cookie again = TestAccounts.signIn(mvc, owner.email(), owner.password());
        mvc.perform(post("/login/second-factor").with(csrf()).cookie(again).param("code", fresh))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("already used")));

        // a recovery code works, once
        MvcResult byRecovery = mvc.perform(post("/login/second-factor").with(csrf()).cookie(again)
                        .param("code", recoveryCodes.getFirst().toLowerCase()))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get("/organization").cookie(TestAccounts.sessionCookie(byRecovery))).andExpect(status().isOk());
        Cookie third = TestAccounts.signIn(mvc, owner.email(), owner.password());
        mvc.perform(post("/login/second-factor").with(csrf()).cookie(third).param("code", recoveryCodes.getFirst()))
                .andExpect(status().isUnauthorized());

        assertThat(jdbc.sql("select action from audit.entries where actor_id = ? order by sequence")
                .param(owner.user().id().value()).query(String.class).list())
                .contains("TOTP_ENABLED", "SECOND_FACTOR_FAILED", "RECOVERY_CODE_USED", "SIGN_IN_SUCCEEDED");
    }

    @Test
    void fiveWrongCodesEndThePendingSignIn() throws Exception {
        TestAccounts.Member owner = accounts.organization().owner();
        Cookie session = TestAccounts.signIn(mvc, owner.email(), owner.password());
        String enrolment = mvc.perform(post("/account/security/totp").with(csrf()).cookie(session))
                .andReturn().getResponse().getContentAsString();
        Matcher secretMatch = SECRET.matcher(enrolment);
        assertThat(secretMatch.find()).isTrue();
        mvc.perform(post("/account/security/totp/confirm").with(csrf()).cookie(session)
                .param("code", currentCode(secretMatch.group(1)))).andExpect(status().isOk());

        Cookie pending = TestAccounts.signIn(mvc, owner.email(), owner.password());
        for (int i = 1; i < SignInController.MAX_CODE_FAILURES; i++) {
            mvc.perform(post("/login/second-factor").with(csrf()).cookie(pending).param("code", "123456"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/login/second-factor").with(csrf()).cookie(pending).param("code", "123456"))
                .andExpect(redirectedUrl("/login?restart"));
        mvc.perform(get("/login/second-factor").cookie(pending)).andExpect(status().is3xxRedirection());
    }

    private String currentCode(String secret) {
        return totp.code(secret, Totp.step(clock.instant()));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
