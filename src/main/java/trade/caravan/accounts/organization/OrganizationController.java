package trade.caravan.accounts.organization;

import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Country;
import trade.caravan.platform.FormErrors;

/** The organization's profile page: everyone sees it, owners and admins edit it. */
@Controller
class OrganizationController {

    private final OrganizationSettings settings;
    private final Countries countries;
    private final SigningGrants signing;

    OrganizationController(OrganizationSettings settings, Countries countries, SigningGrants signing) {
        this.settings = settings;
        this.countries = countries;
        this.signing = signing;
    }

    @ModelAttribute("signingRoles")
    java.util.Set<trade.caravan.accounts.Role> signingRoles(@AuthenticationPrincipal MemberPrincipal member) {
        return signing.grantedRoles(member.organizationId());
    }

    /** Which roles, besides owners and admins, may sign contracts: owners decide. */
    @PostMapping("/organization/signing-roles")
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('ownership:manage')")
    String grantSigning(@AuthenticationPrincipal MemberPrincipal member,
            @org.springframework.web.bind.annotation.RequestParam(name = "roles", required = false)
            java.util.@org.jspecify.annotations.Nullable Set<trade.caravan.accounts.Role> roles, RedirectAttributes redirect) {
        signing.grant(member, roles == null ? java.util.Set.of() : roles);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organization#signing";
    }

    @ModelAttribute("tradeRoles")
    trade.caravan.accounts.TradeRole[] tradeRoles() {
        return trade.caravan.accounts.TradeRole.values();
    }

    @ModelAttribute("countries")
    java.util.List<Country> countries(Locale locale) {
        return countries.all(locale);
    }

    @GetMapping("/organization")
    String show(Model model) {
        OrganizationView organization = settings.current();
        model.addAttribute("organization", organization);
        model.addAttribute("form", ProfileForm.of(organization));
        return "accounts/organization";
    }

    @PostMapping("/organization")
    String update(@AuthenticationPrincipal MemberPrincipal member, @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        model.addAttribute("organization", settings.current());
        if (errors.hasErrors()) {
            return "accounts/organization";
        }
        try {
            settings.update(member, form.toProfile(), form.getVersion());
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.FORBIDDEN) {
                throw refusal;
            }
            FormErrors.reject(errors, refusal, ProfileErrors.FIELDS);
            return "accounts/organization";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organization";
    }
}
