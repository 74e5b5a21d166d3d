package trade.caravan.accounts.account;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.identity.UserView;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;

/**
 * The link in the verification e-mail. Opening it shows a confirmation button; only the POST
 * uses the token, so mail scanners that prefetch links do not spend it.
 */
@Controller
class EmailVerificationController {

    private final UserAccounts users;
    private final MemberManagement members;
    private final SecurityEvents events;

    EmailVerificationController(UserAccounts users, MemberManagement members, SecurityEvents events) {
        this.users = users;
        this.members = members;
        this.events = events;
    }

    @GetMapping("/verify-email")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "accounts/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        try {
            UserView user = users.verifyEmail(token);
            events.record(AuditAction.EMAIL_VERIFIED,
                    members.membershipOf(user.id()).map(m -> m.organization()).orElse(null),
                    user.id(), user.email(), user.id().toString());
            model.addAttribute("verified", true);
        } catch (DomainException invalid) {
            response.setStatus(410);
            model.addAttribute("invalid", true);
        }
        return "accounts/verify-email";
    }
}
