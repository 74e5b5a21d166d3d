package trade.caravan.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

/**
 * Endpoint × role × tenant: each role of an organization against every page and API endpoint of
 * the accounts module, own tenant. (Other tenants' identifiers: {@link TenantIsolationTests}.)
 * Allowed means the request is not refused for lack of permission (2xx or 3xx, or a 4xx that is a
 * business answer such as 409); refused means 403.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    TestAccounts.Organization organization;

    record Endpoint(String name, Function<TestAccounts.Organization, MockHttpServletRequestBuilder> request,
            Permission required) {
    }

    @BeforeAll
    void organizationWithEveryRole() {
        organization = accounts.organization(Role.values());
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET /api/v1/organization", o -> get("/api/v1/organization"), Permission.ORGANIZATION_VIEW),
                new Endpoint("PUT /api/v1/organization", o -> put("/api/v1/organization")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalName\":\"" + o.name() + "\",\"country\":\"DE\",\"tradeRole\":\"BOTH\",\"version\":999}"),
                        Permission.ORGANIZATION_EDIT),
                new Endpoint("GET /api/v1/members", o -> get("/api/v1/members"), Permission.ORGANIZATION_VIEW),
                new Endpoint("GET /api/v1/invitations", o -> get("/api/v1/invitations"), Permission.MEMBERS_INVITE),
                new Endpoint("POST /api/v1/invitations", o -> post("/api/v1/invitations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"m-" + UUID.randomUUID() + "@test.example\",\"role\":\"VIEWER\"}"),
                        Permission.MEMBERS_INVITE),
                new Endpoint("PUT /api/v1/members/{viewer}/role", o -> put("/api/v1/members/"
                        + o.member(Role.VIEWER).user().id() + "/role").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"VIEWER\"}"), Permission.MEMBERS_MANAGE),
                new Endpoint("GET /api/v1/api-tokens", o -> get("/api/v1/api-tokens"), Permission.TOKENS_MANAGE),
                new Endpoint("GET /api/v1/security-log", o -> get("/api/v1/security-log"), Permission.AUDIT_READ),
                new Endpoint("GET /organization", o -> get("/organization"), Permission.ORGANIZATION_VIEW),
                new Endpoint("GET /trades", o -> get("/trades"), Permission.ORGANIZATION_VIEW),
                new Endpoint("POST /trades/{id}/contract/signatures", o -> post("/trades/" + UUID.randomUUID()
                        + "/contract/signatures").param("code", "123456"), Permission.SIGN),
                new Endpoint("POST /organization", o -> post("/organization").param("legalName", o.name())
                        .param("country", "DE").param("tradeRole", "BOTH").param("version", "999"),
                        Permission.ORGANIZATION_EDIT),
                new Endpoint("GET /organization/members", o -> get("/organization/members"), Permission.ORGANIZATION_VIEW),
                new Endpoint("POST /organization/members/invite", o -> post("/organization/members/invite")
                        .param("email", "p-" + UUID.randomUUID() + "@test.example").param("role", "VIEWER"),
                        Permission.MEMBERS_INVITE),
                new Endpoint("POST /organization/members/{viewer}/role", o -> post("/organization/members/"
                        + o.member(Role.VIEWER).user().id() + "/role").param("role", "VIEWER"),
                        Permission.MEMBERS_MANAGE),
                new Endpoint("POST /organization/members/{finance}/enable", o -> post("/organization/members/"
                        + o.member(Role.FINANCE).user().id() + "/enable"), Permission.MEMBERS_MANAGE),
                new Endpoint("GET /organization/tokens", o -> get("/organization/tokens"), Permission.TOKENS_MANAGE),
                new Endpoint("GET /organization/security-log", o -> get("/organization/security-log"),
                        Permission.AUDIT_READ));
    }

    @Test
    void everyRoleGetsExactlyWhatItsPermissionsAllow() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Role role : Role.values()) {
            TestAccounts.Member member = organization.member(role);
            for (Endpoint endpoint : endpoints()) {
                int status = mvc.perform(endpoint.request().apply(organization).with(csrf())
                        .with(authentication(member.authentication()))).andReturn().getResponse().getStatus();
                boolean allowed = role.grants(endpoint.required());
                boolean refused = status == 403;
                if (allowed == refused || status >= 500 || status == 401) {
                    mismatches.add("%s as %s: %d (expected %s)".formatted(endpoint.name(), role, status,
                            allowed ? "allowed" : "403"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void anonymousCallersAreSentToSignInOrGet401() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            int status = mvc.perform(endpoint.request().apply(organization).with(csrf())).andReturn().getResponse()
                    .getStatus();
            boolean api = endpoint.name().contains("/api/");
            assertThat(status).as(endpoint.name()).isEqualTo(api ? 401 : 302);
        }
    }

    @Test
    void formsAndSessionApiCallsWithoutCsrfTokenAreRefused() throws Exception {
        TestAccounts.Member owner = organization.owner();
        for (Endpoint endpoint : endpoints()) {
            MockHttpServletRequestBuilder request = endpoint.request().apply(organization);
            String method = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod();
            if ("GET".equals(method)) {
                continue;
            }
            int status = mvc.perform(request.with(authentication(owner.authentication()))).andReturn().getResponse()
                    .getStatus();
            assertThat(status).as(endpoint.name() + " without CSRF").isEqualTo(403);
        }
    }
}
