package trade.caravan.accounts.membership;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.platform.DomainException;

/** The invitee's page behind the e-mailed link: name and password, then sign in. */
@Controller
class InvitationAcceptController {

    private final MemberInvitations invitations;

    InvitationAcceptController(MemberInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations/accept")
    String show(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<InvitationPreview> preview = invitations.preview(token);
        if (preview.isEmpty()) {
            response.setStatus(410);
            model.addAttribute("invalid", true);
        } else {
            model.addAttribute("invitation", preview.get());
        }
        model.addAttribute("token", token);
        return "accounts/invitation-accept";
    }

    @PostMapping("/invitations/accept")
    String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password, Locale locale, Model model,
            HttpServletResponse response) {
        try {
            invitations.accept(token, displayName, password, locale);
            return "redirect:/login?joined";
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.GONE) {
                response.setStatus(410);
                model.addAttribute("invalid", true);
            } else {
                response.setStatus(refusal.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
                model.addAttribute("acceptError", refusal);
                invitations.preview(token).ifPresent(p -> model.addAttribute("invitation", p));
            }
            model.addAttribute("token", token);
            model.addAttribute("displayName", displayName);
            return "accounts/invitation-accept";
        }
    }
}
