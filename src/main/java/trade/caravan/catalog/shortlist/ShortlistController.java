package trade.caravan.catalog.shortlist;

import java.util.UUID;

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
import trade.caravan.catalog.ProductId;
import trade.caravan.platform.CursorPage;

/** The organization's shortlist page, and adding to it from a product page. */
@Controller
@PreAuthorize("hasAuthority('organization:view')")
class ShortlistController {

    private final Shortlist shortlist;

    ShortlistController(Shortlist shortlist) {
        this.shortlist = shortlist;
    }

    @GetMapping("/catalog/shortlist")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("entries", shortlist.page(cursor, CursorPage.DEFAULT_LIMIT));
        return "catalog/shortlist";
    }

    @PostMapping("/catalog/shortlist/{productId}")
    @PreAuthorize("hasAuthority('trade:act')")
    String add(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID productId,
            RedirectAttributes redirect) {
        shortlist.add(member, new ProductId(productId));
        redirect.addFlashAttribute("shortlisted", true);
        return "redirect:/products/" + productId;
    }

    @PostMapping("/catalog/shortlist/{productId}/remove")
    @PreAuthorize("hasAuthority('trade:act')")
    String remove(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID productId,
            RedirectAttributes redirect) {
        shortlist.remove(member, new ProductId(productId));
        redirect.addFlashAttribute("removed", true);
        return "redirect:/catalog/shortlist";
    }
}
