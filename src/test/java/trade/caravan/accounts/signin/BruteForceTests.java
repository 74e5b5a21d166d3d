package trade.caravan.accounts.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static trade.caravan.support.TestAccounts.fromAddress;
import static trade.caravan.support.TestAccounts.randomAddress;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Pages;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

@IntegrationTest
class BruteForceTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWithBackoffEvenForTheRightPassword() throws Exception {
        TestAccounts.Member owner = accounts.organization().owner();
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(owner.email(), "wrong password " + i).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse locked = attempt(owner.email(), owner.password());
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(locked.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(locked.getContentAsString()).contains("Too many sign-in attempts");

        clock.advance(Duration.ofSeconds(61));
        assertThat(attempt(owner.email(), owner.password()).getStatus()).isEqualTo(302);

        assertThat(jdbc.sql("select action from audit.entries where actor_id = ? order by sequence")
                .param(owner.user().id().value()).query(String.class).list())
                .contains("SIGN_IN_FAILED", "ACCOUNT_LOCKED", "SIGN_IN_SUCCEEDED");
    }

    @Test
    void theSecondLockoutLastsTwiceAsLong() throws Exception {
        TestAccounts.Member owner = accounts.organization().owner();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5; i++) {
                attempt(owner.email(), "wrong");
            }
            if (round == 0) {
                clock.advance(Duration.ofSeconds(61));
            }
        }
        MockHttpServletResponse locked = attempt(owner.email(), owner.password());
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(locked.getHeader("Retry-After"))).isBetween(61L, 120L);
    }

    @Test
    void unknownAddressesAreAnsweredExactlyLikeKnownOnes() throws Exception {
        TestAccounts.Member owner = accounts.organization().owner();
        String unknown = "nobody-" + UUID.randomUUID() + "@test.example";
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse known = attempt(owner.email(), "wrong password");
            MockHttpServletResponse stranger = attempt(unknown, "wrong password");
            assertThat(stranger.getStatus()).isEqualTo(known.getStatus()).isEqualTo(401);
            assertThat(normalize(stranger.getContentAsString(), unknown))
                    .isEqualTo(normalize(known.getContentAsString(), owner.email()));
        }
        MockHttpServletResponse knownLocked = attempt(owner.email(), "wrong password");
        MockHttpServletResponse strangerLocked = attempt(unknown, "wrong password");
        assertThat(strangerLocked.getStatus()).isEqualTo(knownLocked.getStatus()).isEqualTo(429);
        assertThat(strangerLocked.getHeader("Retry-After")).isNotNull();
    }

    @Test
    void oneAddressCannotSprayPasswordsOverManyAccounts() throws Exception {
        clock.freeze();
        String address = randomAddress();
        int answered429 = 0;
        for (int i = 0; i < 35; i++) {
            MockHttpServletResponse response = mvc.perform(post("/login").with(csrf()).with(fromAddress(address))
                            .param("email", "spray-" + i + "-" + UUID.randomUUID() + "@test.example")
                            .param("password", "Summer2026!!"))
                    .andReturn().getResponse();
            if (response.getStatus() == 429) {
                answered429++;
                assertThat(response.getHeader("Retry-After")).isNotNull();
            }
        }
        assertThat(answered429).isEqualTo(5);
    }

    private MockHttpServletResponse attempt(String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(fromAddress(randomAddress()))
                .param("email", email).param("password", password)).andReturn().getResponse();
    }

    /** The page echoes the typed address back into the form; everything else must be identical. */
    private static String normalize(String page, String email) {
        return Pages.withoutCsrfTokens(page.replace(email, "EMAIL"));
    }
}
