package trade.caravan.accounts.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.accounts.Role;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

@IntegrationTest
class ApiTokenTests {

    private static final Pattern TOKEN = Pattern.compile("(cvn_[a-z2-7]{16}_[A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TokenManagement tokens;
    @Autowired
    Tenancy tenancy;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndWorksAsBearer() throws Exception {
        var organization = accounts.organization();
        Cookie session = TestAccounts.signIn(mvc, organization.owner().email(), organization.owner().password());
        String page = mvc.perform(post("/organization/tokens").with(csrf()).cookie(session)
                        .param("name", "ERP").param("scopes", "READ").param("validDays", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).isTrue();
        String value = matcher.group(1);

        String listed = mvc.perform(get("/organization/tokens").cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(value).contains(value.substring(0, 20));
        assertThat(jdbc.sql("select count(*) from accounts.api_tokens where secret_hash::text like ?")
                .param("%" + value.substring(21) + "%").query(Long.class).single()).isZero();

        mvc.perform(get("/api/v1/organization").header("Authorization", "Bearer " + value))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.legalName").value(organization.name()))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aTokenCanDoOnlyWhatItsScopesAndItsCreatorAllow() throws Exception {
        var organization = accounts.organization(Role.TRADER);
        String readOnly = issue(organization, organization.owner(), EnumSet.of(TokenScope.READ));
        mvc.perform(post("/api/v1/invitations").header("Authorization", "Bearer " + readOnly)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"x@test.example\",\"role\":\"VIEWER\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/security-log").header("Authorization", "Bearer " + readOnly))
                .andExpect(status().isForbidden());
        // a token never manages tokens, even with every scope
        String everything = issue(organization, organization.owner(), EnumSet.allOf(TokenScope.class));
        mvc.perform(get("/api/v1/api-tokens").header("Authorization", "Bearer " + everything))
                .andExpect(status().isForbidden());
        // and it never reaches the pages
        mvc.perform(get("/organization").header("Authorization", "Bearer " + everything))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void revokedExpiredAndForgedTokensAreRefusedWith401() throws Exception {
        var organization = accounts.organization();
        var owner = organization.owner();
        IssuedApiToken issued = tenancy.callAs(organization.id(),
                () -> tokens.create(owner.principal(), "short-lived", EnumSet.of(TokenScope.READ), 1));
        mvc.perform(get("/api/v1/organization").header("Authorization", "Bearer " + issued.value()))
                .andExpect(status().isOk());

        String forged = issued.value().substring(0, issued.value().length() - 2) + "AA";
        mvc.perform(get("/api/v1/organization").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.code").value("error.token.invalid"));

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        mvc.perform(get("/api/v1/organization").header("Authorization", "Bearer " + issued.value()))
                .andExpect(status().isUnauthorized());
        clock.reset();

        tenancy.runAs(organization.id(), () -> tokens.revoke(owner.principal(), issued.token().id()));
        mvc.perform(get("/api/v1/organization").header("Authorization", "Bearer " + issued.value()))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select action from audit.entries where organization_id = ? order by sequence")
                .param(organization.id().value()).query(String.class).list())
                .contains("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
    }

    @Test
    void aTraderCannotMintTokens() throws Exception {
        var organization = accounts.organization(Role.TRADER);
        var trader = organization.member(Role.TRADER);
        Cookie session = TestAccounts.signIn(mvc, trader.email(), trader.password());
        mvc.perform(post("/organization/tokens").with(csrf()).cookie(session)
                .param("name", "mine").param("scopes", "READ").param("validDays", "30"))
                .andExpect(status().isForbidden());
    }

    private String issue(TestAccounts.Organization organization, TestAccounts.Member by, EnumSet<TokenScope> scopes) {
        return tenancy.callAs(organization.id(), () -> tokens.create(by.principal(), "t", scopes, 30).value());
    }
}
