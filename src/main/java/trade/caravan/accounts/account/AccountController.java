package trade.caravan.accounts.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.accounts.session.Sessions;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.SupportedLocales;

/** The signed-in person's own account: name, language, password. */
@Controller
class AccountController {

    private final UserAccounts users;
    private final Sessions sessions;
    private final SecurityEvents events;
    private final LocaleResolver locales;

    AccountController(UserAccounts users, Sessions sessions, SecurityEvents events, LocaleResolver locales) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.locales = locales;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal MemberPrincipal member, Model model) {
        model.addAttribute("user", users.find(member.userId()).orElseThrow(DomainException::notFound));
        return "accounts/account";
    }

    @PostMapping("/account/profile")
    String updateProfile(@AuthenticationPrincipal MemberPrincipal member, @RequestParam String displayName,
            @RequestParam(defaultValue = "en") String language, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Locale locale = SupportedLocales.normalize(Locale.forLanguageTag(language));
        try {
            users.updateProfile(member.userId(), displayName, locale);
        } catch (DomainException refusal) {
            response.setStatus(400);
            model.addAttribute("user", users.find(member.userId()).orElseThrow(DomainException::notFound));
            model.addAttribute("profileError", refusal);
            return "accounts/account";
        }
        locales.setLocale(request, response, locale);
        redirect.addFlashAttribute("saved", "profile");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal MemberPrincipal member, @RequestParam String currentPassword,
            @RequestParam String newPassword, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            users.changePassword(member.userId(), currentPassword, newPassword);
        } catch (DomainException refusal) {
            response.setStatus(400);
            model.addAttribute("user", users.find(member.userId()).orElseThrow(DomainException::notFound));
            model.addAttribute("passwordError", refusal);
            return "accounts/account";
        }
        events.record(AuditAction.PASSWORD_CHANGED, member.organizationId(), member.userId(), member.email(),
                member.userId().toString());
        sessions.endAllOthers(member.userId());
        redirect.addFlashAttribute("saved", "password");
        return "redirect:/account";
    }
}
