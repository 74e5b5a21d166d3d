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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.accounts.session.Sessions;
import trade.caravan.audit.AuditAction;
import trade.caravan.shared.UserId;

/** The sign-in pages: e-mail and password (processed by Spring Security), then the second factor. */
@Controller
class SignInController {

    static final Duration PENDING_VALIDITY = Duration.ofMinutes(5);
    static final int MAX_CODE_FAILURES = 5;
    private static final String CODE_FAILURES = "caravan.secondFactorFailures";

    private final TwoFactor twoFactor;
    private final SignInThrottle throttle;
    private final SignInHandlers handlers;
    private final Sessions sessions;
    private final UserAccounts users;
    private final SecurityEvents events;
    private final Clock clock;

    SignInController(TwoFactor twoFactor, SignInThrottle throttle, SignInHandlers handlers, Sessions sessions,
            UserAccounts users, SecurityEvents events, Clock clock) {
        this.twoFactor = twoFactor;
        this.throttle = throttle;
        this.handlers = handlers;
        this.sessions = sessions;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "accounts/login";
    }

    /** Forwarded here by {@link SignInHandlers} with the status already set. */
    @RequestMapping("/login/failed")
    String failed(HttpServletRequest request, Model model) {
        Object failure = request.getAttribute(SignInHandlers.FAILURE_ATTRIBUTE);
        model.addAttribute("failure", failure == null ? "invalid" : failure);
        model.addAttribute("retryAfter", request.getAttribute(SignInHandlers.RETRY_AFTER_ATTRIBUTE));
        model.addAttribute("email", request.getParameter("email"));
        return "accounts/login";
    }

    @PostMapping("/login/resend-verification")
    String resendVerification(HttpSession session, Model model) {
        Object user = session.getAttribute(SignInHandlers.UNVERIFIED_USER_SESSION_KEY);
        if (user instanceof String id) {
            users.resendVerification(UserId.of(id));
            session.removeAttribute(SignInHandlers.UNVERIFIED_USER_SESSION_KEY);
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
        request.changeSessionId();
        Authentication full = UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities());
        sessions.replaceCurrent(full);
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
