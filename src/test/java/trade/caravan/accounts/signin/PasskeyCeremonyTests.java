package trade.caravan.accounts.signin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

/**
 * The server side of the passkey ceremonies (the browser side, with a virtual authenticator,
 * runs in the browser journeys): options carry this installation as relying party and the
 * member as user; nobody registers a passkey without being signed in.
 */
@IntegrationTest
class PasskeyCeremonyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    @Test
    void registrationOptionsNameTheRelyingPartyAndTheMember() throws Exception {
        var owner = accounts.organization().owner();
        Cookie session = TestAccounts.signIn(mvc, owner.email(), owner.password());
        mvc.perform(post("/webauthn/register/options").with(csrf()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rp.id").value("localhost"))
                .andExpect(jsonPath("$.rp.name").value("Caravan"))
                .andExpect(jsonPath("$.user.name").value(owner.user().id().toString()))
                .andExpect(jsonPath("$.challenge").isNotEmpty());
    }

    @Test
    void anonymousCallersCannotRegisterButMayStartASignIn() throws Exception {
        mvc.perform(post("/webauthn/register/options").with(csrf())).andExpect(status().is4xxClientError());
        mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rpId").value("localhost"));
    }

    @Test
    void aForgedAssertionIsRefused() throws Exception {
        mvc.perform(post("/login/webauthn").with(csrf()).contentType("application/json")
                        .content("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"credType\":\"public-key\",\"response\":"
                                + "{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\"},"
                                + "\"clientExtensionResults\":{}}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(Matchers.containsString("\"authenticated\":false")));
    }

    @Test
    void somebodyElsesPasskeyCannotBeRemoved() throws Exception {
        var owner = accounts.organization().owner();
        Cookie session = TestAccounts.signIn(mvc, owner.email(), owner.password());
        mvc.perform(post("/account/security/passkeys/AAAAAAAA/delete").with(csrf()).cookie(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/security").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/js/passkeys.js")));
    }
}
