package trade.caravan.accounts.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.shared.UserId;

/** The sign-in pages: e-mail and password, then the second factor when the member has one. */
@Controller
class SignInController {

    static final Duration PENDING_VALIDITY = Duration.ofMinutes(5);
    static final int MAX_CODE_FAILURES = 5;
    private static final String CODE_FAILURES = "caravan.secondFactorFailures";
    static final String UNVERIFIED_USER_SESSION_KEY = "caravan.unverifiedUser";

    private final PasswordAuthenticationProvider passwords;
    private final TwoFactor twoFactor;
    private final SignInThrottle throttle;
    private final SignInHandlers handlers;
    private final UserAccounts users;
    private final SecurityEvents events;
    private final Clock clock;

    SignInController(PasswordAuthenticationProvider passwords, TwoFactor twoFactor, SignInThrottle throttle,
            SignInHandlers handlers, UserAccounts users, SecurityEvents events, Clock clock) {
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.throttle = throttle;
        this.handlers = handlers;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "accounts/login";
    }

    /**
     * The password step. Failures re-render the form with the right status: 401 for a wrong
     * address or password (one message for both), 429 with {@code Retry-After} when throttled,
     * 403 with a resend offer when the address is not verified yet.
     */
    @PostMapping("/login")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (SignInThrottled throttled) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            model.addAttribute("retryAfter", throttled.retryAfterSeconds());
            return failed(model, "throttled", email);
        } catch (EmailNotVerified unverified) {
            response.setStatus(403);
            request.getSession(true).setAttribute(UNVERIFIED_USER_SESSION_KEY, unverified.user().toString());
            return failed(model, "unverified", email);
        } catch (AuthenticationException wrong) {
            response.setStatus(401);
            return failed(model, "invalid", email);
        }
        handlers.establish(result, request, response);
        if (result.getPrincipal() instanceof PendingSecondFactor) {
            return "redirect:/login/second-factor";
        }
        handlers.completed(request, response, (MemberPrincipal) result.getPrincipal(), "password");
        return "redirect:" + handlers.targetAfterSignIn(request, response);
    }

    private static String failed(Model model, String failure, String email) {
        model.addAttribute("failure", failure);
        model.addAttribute("email", email.length() > 254 ? email.substring(0, 254) : email);
        return "accounts/login";
    }

    @PostMapping("/login/resend-verification")
    String resendVerification(HttpSession session, Model model) {
        Object user = session.getAttribute(UNVERIFIED_USER_SESSION_KEY);
        if (user instanceof String id) {
            users.resendVerification(UserId.of(id));
            session.removeAttribute(UNVERIFIED_USER_SESSION_KEY);
        }
        model.addAttribute("resent", true);
        return "accounts/login";
    }

    @GetMapping("/login/second-factor")
    String secondFactor(Model model) {
        return pending().isPresent() ? "accounts/second-factor" : "redirect:/login";
    }

    @PostMapping("/login/second-factor")
    String verifySecondFactor(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<PendingSecondFactor> pending = pending();
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        MemberPrincipal member = pending.get().member();
        Optional<Duration> wait = throttle.attemptSecondFactor(member.getUsername());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            model.addAttribute("retryAfter", seconds);
            return "accounts/second-factor";
        }
        TwoFactor.Outcome outcome = twoFactor.verify(member.userId(), code);
        if (outcome == TwoFactor.Outcome.INVALID) {
            events.record(AuditAction.SECOND_FACTOR_FAILED, member.organizationId(), member.userId(), member.email(),
                    member.userId().toString());
            HttpSession session = request.getSession();
            int failures = session.getAttribute(CODE_FAILURES) instanceof Integer n ? n + 1 : 1;
            if (failures >= MAX_CODE_FAILURES) {
                SecurityContextHolder.clearContext();
                session.invalidate();
                return "redirect:/login?restart";
            }
            session.setAttribute(CODE_FAILURES, failures);
            response.setStatus(401);
            model.addAttribute("invalid", true);
            return "accounts/second-factor";
        }
        request.getSession().removeAttribute(CODE_FAILURES);
        Authentication full = UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities());
        handlers.establish(full, request, response);
        if (outcome == TwoFactor.Outcome.RECOVERY_CODE) {
            events.record(AuditAction.RECOVERY_CODE_USED, member.organizationId(), member.userId(), member.email(),
                    member.userId().toString());
        }
        handlers.completed(request, response, member, outcome == TwoFactor.Outcome.TOTP ? "totp" : "recovery-code");
        return "redirect:" + handlers.targetAfterSignIn(request, response);
    }

    /** The pending sign-in of this session, if it is still fresh. */
    private Optional<PendingSecondFactor> pending() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PendingSecondFactor pending
                && pending.passwordVerifiedAt().plus(PENDING_VALIDITY).isAfter(clock.instant())) {
            return Optional.of(pending);
        }
        return Optional.empty();
    }
}
