package trade.caravan.accounts.token;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;

/** API tokens page: list, create (value shown once), revoke. Owners and admins only. */
@Controller
@PreAuthorize("hasAuthority('tokens:manage')")
class TokensController {

    private final TokenManagement tokens;

    TokensController(TokenManagement tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/organization/tokens")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("tokens", tokens.page(cursor, CursorPage.DEFAULT_LIMIT));
        model.addAttribute("scopes", TokenScope.values());
        return "accounts/tokens";
    }

    @PostMapping("/organization/tokens")
    String create(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<String> scopes,
            @RequestParam(defaultValue = "90") String validDays, Model model, HttpServletResponse response) {
        try {
            IssuedApiToken issued = tokens.create(member, name, parseScopes(scopes), parseDays(validDays));
            model.addAttribute("issued", issued);
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.FORBIDDEN) {
                throw refusal;
            }
            response.setStatus(400);
            model.addAttribute("createError", refusal);
            model.addAttribute("name", name);
        }
        return list(null, model);
    }

    @PostMapping("/organization/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(member, id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/organization/tokens";
    }

    static Set<TokenScope> parseScopes(@Nullable List<String> scopes) {
        Set<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
        if (scopes != null) {
            for (String scope : scopes) {
                try {
                    parsed.add(TokenScope.valueOf(scope));
                } catch (IllegalArgumentException e) {
                    throw new DomainException(DomainException.Kind.INVALID, "error.token.scope-unknown");
                }
            }
        }
        return parsed;
    }

    static int parseDays(String days) {
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(DomainException.Kind.INVALID, "error.token.validity", 1,
                    TokenManagement.MAX_VALIDITY.toDays());
        }
    }
}
