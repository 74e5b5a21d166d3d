package trade.caravan.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/**
 * A signed-in member: who (user), for which organization (the tenant) and with which role. Its
 * authorities are the role's permissions plus {@link #SIGNED_IN}, which only a completed sign-in
 * (password and, when enrolled, a second factor) carries. The username is the user id, so that
 * sessions can be found and ended by user.
 */
public final class MemberPrincipal implements UserDetails, Actor, CredentialsContainer, Serializable {

    /** Authority of a fully signed-in member; pages and APIs of members require it. */
    public static final String SIGNED_IN = "SIGNED_IN";

    @Serial
    private static final long serialVersionUID = 1L;

    private final UserId userId;
    private final String email;
    private final String displayName;
    private final OrganizationId organizationId;
    private final String organizationName;
    private final Role role;
    private final String locale;
    private @Nullable String passwordHash;

    public MemberPrincipal(UserId userId, String email, String displayName, OrganizationId organizationId,
            String organizationName, Role role, Locale locale, @Nullable String passwordHash) {
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.role = role;
        this.locale = locale.toLanguageTag();
        this.passwordHash = passwordHash;
    }

    @Override
    public UserId userId() {
        return userId;
    }

    @Override
    public String label() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    @Override
    public OrganizationId organizationId() {
        return organizationId;
    }

    public Role role() {
        return role;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    @Override
    public boolean can(Permission permission) {
        return role.grants(permission);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Stream.concat(Stream.of(SIGNED_IN, "ROLE_" + role.name()),
                        role.permissions().stream().map(Permission::authority))
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    /** Authorities while the second factor is still owed: none that open any member page. */
    public List<GrantedAuthority> pendingAuthorities() {
        return List.of(new SimpleGrantedAuthority("FACTOR_PENDING"));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return userId.toString();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberPrincipal that && userId.equals(that.userId)
                && organizationId.equals(that.organizationId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode() * 31 + organizationId.hashCode();
    }

    @Override
    public String toString() {
        return "MemberPrincipal[" + userId + " of " + organizationId + " as " + role + "]";
    }
}
