package trade.caravan.accounts.signin;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.platform.DomainException;

/** Two-factor settings of the signed-in person: enrol TOTP, see and renew recovery codes, turn it off. */
@Controller
class SecuritySettingsController {

    private final TwoFactor twoFactor;
    private final Passkeys passkeys;

    SecuritySettingsController(TwoFactor twoFactor, Passkeys passkeys) {
        this.twoFactor = twoFactor;
        this.passkeys = passkeys;
    }

    @GetMapping("/account/security")
    String show(@AuthenticationPrincipal MemberPrincipal member, Model model) {
        model.addAttribute("totpEnabled", twoFactor.enrolled(member.userId()));
        model.addAttribute("recoveryCodesLeft", twoFactor.remainingRecoveryCodes(member.userId()));
        model.addAttribute("passkeys", passkeys.of(member));
        return "accounts/security";
    }

    @PostMapping("/account/security/passkeys/{id}/delete")
    String removePasskey(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String id,
            RedirectAttributes redirect) {
        passkeys.remove(member, id);
        redirect.addFlashAttribute("saved", "passkey-removed");
        return "redirect:/account/security";
    }

    @PostMapping("/account/security/totp")
    String startEnrollment(@AuthenticationPrincipal MemberPrincipal member, Model model) {
        model.addAttribute("enrollment", twoFactor.startEnrollment(member));
        return "accounts/totp-enroll";
    }

    @PostMapping("/account/security/totp/confirm")
    String confirmEnrollment(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String code,
            Model model, HttpServletResponse response) {
        try {
            List<String> codes = twoFactor.confirmEnrollment(member, code);
            model.addAttribute("recoveryCodes", codes);
            return "accounts/recovery-codes";
        } catch (DomainException refusal) {
            if (!"error.totp.code-wrong".equals(refusal.messageCode())) {
                throw refusal;
            }
            response.setStatus(400);
            model.addAttribute("enrollment", twoFactor.pendingEnrollment(member));
            model.addAttribute("codeError", refusal);
            return "accounts/totp-enroll";
        }
    }

    @PostMapping("/account/security/totp/disable")
    String disable(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            twoFactor.disable(member, password);
        } catch (DomainException refusal) {
            response.setStatus(400);
            model.addAttribute("passwordError", refusal);
            return show(member, model);
        }
        redirect.addFlashAttribute("saved", "totp-disabled");
        return "redirect:/account/security";
    }

    @PostMapping("/account/security/recovery-codes")
    String regenerate(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response) {
        try {
            model.addAttribute("recoveryCodes", twoFactor.regenerateRecoveryCodes(member, password));
            return "accounts/recovery-codes";
        } catch (DomainException refusal) {
            response.setStatus(400);
            model.addAttribute("passwordError", refusal);
            return show(member, model);
        }
    }
}
