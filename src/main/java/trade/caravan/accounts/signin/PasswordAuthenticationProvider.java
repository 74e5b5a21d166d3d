package trade.caravan.accounts.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.identity.Passwords;
import trade.caravan.accounts.identity.SignInCandidate;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;

/**
 * Sign-in with e-mail and password. Every failure that could tell whether an address is
 * registered gets the same {@link BadCredentialsException} after the same amount of work (an
 * unknown address is verified against a decoy hash). Throttling comes first and is keyed by the
 * address as typed. A member with a second factor gets a {@link PendingSecondFactor} only.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final UserAccounts users;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final MemberPrincipals principals;
    private final TwoFactor twoFactor;
    private final SecurityEvents events;
    private final Clock clock;

    PasswordAuthenticationProvider(UserAccounts users, Passwords passwords, SignInThrottle throttle,
            MemberPrincipals principals, TwoFactor twoFactor, SecurityEvents events, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.principals = principals;
        this.twoFactor = twoFactor;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = clientAddress(authentication);

        Optional<Duration> wait = throttle.attempt(address, email);
        if (wait.isPresent()) {
            throw new SignInThrottled(wait.get());
        }
        Optional<SignInCandidate> candidate = users.signInCandidate(email);
        boolean passwordOk = candidate.isPresent()
                ? passwords.matches(password, candidate.get().passwordHash())
                : passwords.matchesNothing(password);
        Optional<MemberPrincipal> member = passwordOk && candidate.get().user().enabled()
                ? principals.of(candidate.get())
                : Optional.empty();
        if (member.isEmpty()) {
            fail(email, candidate);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(email);
        MemberPrincipal principal = member.get();
        if (!candidate.get().user().emailVerified()) {
            throw new EmailNotVerified(principal.userId());
        }
        if (twoFactor.enrolled(principal.userId())) {
            var pending = new PendingSecondFactor(principal, clock.instant());
            var partial = UsernamePasswordAuthenticationToken.authenticated(pending, null,
                    principal.pendingAuthorities());
            partial.setDetails(authentication.getDetails());
            return partial;
        }
        var full = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        full.setDetails(authentication.getDetails());
        return full;
    }

    private void fail(String email, Optional<SignInCandidate> candidate) {
        Optional<Duration> lockout = throttle.failed(email);
        var organization = candidate.flatMap(c -> principals.of(c)).map(MemberPrincipal::organizationId).orElse(null);
        var user = candidate.map(c -> c.user().id()).orElse(null);
        String label = email.length() > 254 ? email.substring(0, 254) : email;
        events.record(AuditAction.SIGN_IN_FAILED, organization, user, label, null);
        lockout.ifPresent(duration -> events.record(AuditAction.ACCOUNT_LOCKED, organization, user, label, null,
                Map.of("seconds", Long.toString(duration.toSeconds()))));
    }

    private static String clientAddress(Authentication authentication) {
        @Nullable Object details = authentication.getDetails();
        return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
