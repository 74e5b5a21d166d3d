package trade.caravan.support;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.Role;
import trade.caravan.accounts.TradeRole;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.identity.UserView;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.accounts.organization.OrganizationProfile;
import trade.caravan.accounts.organization.SignUp;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Creates organizations with verified members in chosen roles, and signs them in. */
@TestComponent
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple 42";
    public static final String SESSION_COOKIE = "CARAVAN_SESSION";

    private final SignUp signUp;
    private final UserAccounts users;
    private final MemberManagement members;
    private final Tenancy tenancy;

    TestAccounts(SignUp signUp, UserAccounts users, MemberManagement members, Tenancy tenancy) {
        this.signUp = signUp;
        this.users = users;
        this.members = members;
        this.tenancy = tenancy;
    }

    public record Member(UserView user, String password, MemberPrincipal principal) {

        public String email() {
            return user.email();
        }

        /** The same person's principal after a role change (as a new sign-in would build it). */
        public MemberPrincipal as(Role role) {
            return new MemberPrincipal(principal.userId(), principal.email(), principal.getDisplayName(),
                    principal.organizationId(), principal.getOrganizationName(), role, Locale.ENGLISH, null);
        }

        /** An authentication as a completed sign-in would produce. */
        public Authentication authentication() {
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }
    }

    public record Organization(OrganizationId id, String name, Map<Role, Member> members) {

        public Member owner() {
            return members.get(Role.OWNER);
        }

        public Member member(Role role) {
            return members.get(role);
        }
    }

    /** An organization whose owner and one member of each given role exist, verified. */
    public Organization organization(Role... roles) {
        // digits only: a name like "Test Trading ab12cd Ltd." would read as an English phrase to the
        // journeys' check for untranslated text on Chinese pages
        String tag = String.format("%012d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L));
        String name = "Test Trading " + tag + " Ltd.";
        String ownerEmail = "owner-" + tag + "@test.example";
        OrganizationId id = tenancy.callAsSystem(() -> signUp.registerVerified(
                new OrganizationProfile(name, new CountryCode("DE"), TradeRole.BOTH, null, null,
                        "Teststraße " + tag.substring(8) + "\n10115 Berlin"),
                ownerEmail, "Owner " + tag, PASSWORD, Locale.ENGLISH));
        Map<Role, Member> byRole = new EnumMap<>(Role.class);
        byRole.put(Role.OWNER, member(id, name, users.findByEmail(ownerEmail).orElseThrow(), Role.OWNER));
        for (Role role : roles) {
            if (role == Role.OWNER) {
                continue;
            }
            String email = role.name().toLowerCase(Locale.ROOT) + "-" + tag + "@test.example";
            UserView user = tenancy.callAs(id, () -> {
                UserView created = users.registerVerified(email, role.name() + " " + tag, PASSWORD, Locale.ENGLISH);
                members.add(created.id(), role);
                return created;
            });
            byRole.put(role, member(id, name, user, role));
        }
        return new Organization(id, name, Map.copyOf(byRole));
    }

    private static Member member(OrganizationId organization, String name, UserView user, Role role) {
        return new Member(user, PASSWORD, new MemberPrincipal(user.id(), user.email(), user.displayName(),
                organization, name, role, Locale.ENGLISH, null));
    }

    /**
     * Signs in through the real form (password only) and returns the session cookie (sessions
     * live in PostgreSQL through Spring Session, so the cookie is the session).
     */
    public static Cookie signIn(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(fromAddress(randomAddress()))
                        .param("email", email).param("password", password))
                .andReturn();
        return sessionCookie(result);
    }

    /**
     * A client address of its own for each caller, so sign-in rate limits per address (shared by
     * the whole test suite on one context) never count other tests' attempts.
     */
    public static String randomAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static RequestPostProcessor fromAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The session cookie a response set; fails if it set none. */
    public static Cookie sessionCookie(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie(SESSION_COOKIE);
        if (cookie == null) {
            throw new AssertionError("No session cookie, status " + result.getResponse().getStatus());
        }
        return cookie;
    }
}
