package trade.caravan.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import trade.caravan.accounts.membership.MemberInvitations;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.accounts.token.TokenScope;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

/**
 * A member and a token of organization A ask for every identifier of organization B, through the
 * pages and the API, reading and writing. Every answer is 404, nothing of B appears in any
 * answer, and B is unchanged afterwards.
 */
@IntegrationTest
class TenantIsolationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;
    @Autowired
    MemberInvitations invitations;
    @Autowired
    MemberManagement members;
    @Autowired
    TokenManagement tokens;

    TestAccounts.Organization a;
    TestAccounts.Organization b;
    UUID bMember;
    UUID bInvitation;
    UUID bToken;
    String bInvitee;
    Cookie aSession;
    String aToken;

    @BeforeEach
    void twoOrganizations() throws Exception {
        a = accounts.organization(Role.ADMIN);
        b = accounts.organization(Role.VIEWER);
        bMember = b.member(Role.VIEWER).user().id().value();
        bInvitee = "invitee-" + UUID.randomUUID() + "@test.example";
        bInvitation = tenancy.callAs(b.id(), () ->
                invitations.invite(b.owner().principal(), bInvitee, Role.TRADER, Locale.ENGLISH).id());
        bToken = tenancy.callAs(b.id(), () -> tokens.create(b.owner().principal(), "B's ERP",
                EnumSet.allOf(TokenScope.class), 30).token().id());
        aSession = TestAccounts.signIn(mvc, a.owner().email(), a.owner().password());
        aToken = tenancy.callAs(a.id(), () -> tokens.create(a.owner().principal(), "A's ERP",
                EnumSet.allOf(TokenScope.class), 30).value());
    }

    @Test
    void everyIdentifierOfAnotherOrganizationIsNotFoundThroughTheApi() throws Exception {
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/v1/members/" + bMember),
                put("/api/v1/members/" + bMember + "/role").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"ADMIN\"}"),
                delete("/api/v1/members/" + bMember),
                get("/api/v1/invitations/" + bInvitation),
                delete("/api/v1/invitations/" + bInvitation));
        for (MockHttpServletRequestBuilder request : requests) {
            assertNotFound(mvc.perform(request.with(csrf()).cookie(aSession)).andReturn().getResponse());
            assertNotFound(mvc.perform(request.header("Authorization", "Bearer " + aToken)).andReturn().getResponse());
        }
        // tokens are managed with a session only
        assertNotFound(mvc.perform(get("/api/v1/api-tokens/" + bToken).cookie(aSession)).andReturn().getResponse());
        assertNotFound(mvc.perform(delete("/api/v1/api-tokens/" + bToken).with(csrf()).cookie(aSession))
                .andReturn().getResponse());
        assertUnchanged();
    }

    @Test
    void everyIdentifierOfAnotherOrganizationIsNotFoundThroughThePages() throws Exception {
        List<String> actions = List.of(
                "/organization/members/" + bMember + "/role",
                "/organization/members/" + bMember + "/remove",
                "/organization/members/" + bMember + "/disable",
                "/organization/members/" + bMember + "/enable",
                "/organization/members/" + bMember + "/transfer-ownership",
                "/organization/invitations/" + bInvitation + "/revoke",
                "/organization/tokens/" + bToken + "/revoke");
        for (String action : actions) {
            assertNotFound(mvc.perform(post(action).with(csrf()).cookie(aSession).param("role", "ADMIN"))
                    .andReturn().getResponse());
        }
        assertUnchanged();
    }

    @Test
    void listsShowOnlyTheCallersOwnOrganization() throws Exception {
        for (String path : List.of("/api/v1/members", "/api/v1/invitations", "/api/v1/security-log",
                "/api/v1/organization")) {
            String body = mvc.perform(get(path).header("Authorization", "Bearer " + aToken))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(path).doesNotContain(b.owner().email(), bInvitee, b.name(), bMember.toString());
        }
        for (String path : List.of("/organization/members", "/organization/tokens", "/organization/security-log",
                "/organization")) {
            String page = mvc.perform(get(path).cookie(aSession)).andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).doesNotContain(b.owner().email(), bInvitee, b.name(), "B&#39;s ERP", "B's ERP");
        }
        assertThat(mvc.perform(get("/organization/members").cookie(aSession)).andReturn().getResponse()
                .getContentAsString()).contains(a.owner().email(), a.member(Role.ADMIN).email());
        assertThat(mvc.perform(get("/organization/tokens").cookie(aSession)).andReturn().getResponse()
                .getContentAsString()).contains("A&#39;s ERP");
    }

    @Test
    void malformedIdentifiersAreNotFoundToo() throws Exception {
        assertNotFound(mvc.perform(get("/api/v1/members/not-a-uuid").cookie(aSession)).andReturn().getResponse());
        assertNotFound(mvc.perform(post("/organization/members/not-a-uuid/remove").with(csrf()).cookie(aSession))
                .andReturn().getResponse());
    }

    private void assertNotFound(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString())
                .doesNotContain(b.owner().email(), bInvitee, b.name(), "B's ERP", "VIEWER");
    }

    private void assertUnchanged() {
        tenancy.runAs(b.id(), () -> {
            var viewer = members.member(b.member(Role.VIEWER).user().id());
            assertThat(viewer.role()).isEqualTo(Role.VIEWER);
            assertThat(viewer.enabled()).isTrue();
            assertThat(invitations.find(bInvitation).status()).isEqualTo("PENDING");
            assertThat(tokens.find(bToken).active()).isTrue();
            assertThat(members.ownerCount()).isEqualTo(1);
        });
    }
}
