package trade.caravan.accounts.account;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.accounts.identity.EmailAddress;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.identity.UserView;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.accounts.session.Sessions;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.RateLimits;

/**
 * "Forgot password": the request form answers the same for every address; the link sets a new
 * password once, ends every session of the user and records the reset.
 */
@Controller
class PasswordResetController {

    private final UserAccounts users;
    private final MemberManagement members;
    private final Sessions sessions;
    private final SecurityEvents events;
    private final RateLimits rateLimits;
    private final PasswordResetSettings settings;

    PasswordResetController(UserAccounts users, MemberManagement members, Sessions sessions, SecurityEvents events,
            RateLimits rateLimits, PasswordResetSettings settings) {
        this.settings = settings;
        this.users = users;
        this.members = members;
        this.sessions = sessions;
        this.events = events;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/password-reset")
    String requestForm() {
        return "accounts/password-reset-request";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        rateLimits.consume("password-reset", request.getRemoteAddr(), settings.perAddressPerHour(), Duration.ofHours(1));
        if (!EmailAddress.isValid(email)) {
            model.addAttribute("emailInvalid", true);
            model.addAttribute("email", email);
            return "accounts/password-reset-request";
        }
        users.requestPasswordReset(email).ifPresent(user -> events.record(AuditAction.PASSWORD_RESET_REQUESTED,
                members.membershipOf(user.id()).map(m -> m.organization()).orElse(null), user.id(), user.email(),
                user.id().toString()));
        model.addAttribute("sent", true);
        return "accounts/password-reset-request";
    }

    @GetMapping("/password-reset/confirm")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!users.resetLinkUsable(token)) {
            response.setStatus(410);
            model.addAttribute("invalid", true);
        }
        model.addAttribute("token", token);
        return "accounts/password-reset";
    }

    @PostMapping("/password-reset/confirm")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            UserView user = users.resetPassword(token, password);
            sessions.endAll(user.id());
            events.record(AuditAction.PASSWORD_RESET,
                    members.membershipOf(user.id()).map(m -> m.organization()).orElse(null), user.id(), user.email(),
                    user.id().toString(), Map.of());
            model.addAttribute("done", true);
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.GONE) {
                response.setStatus(410);
                model.addAttribute("invalid", true);
            } else {
                response.setStatus(400);
                model.addAttribute("passwordError", refusal);
            }
        }
        return "accounts/password-reset";
    }
}
