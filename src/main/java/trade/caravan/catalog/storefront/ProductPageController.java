package trade.caravan.catalog.storefront;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.Permission;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.pricing.BuyerCurrency;
import trade.caravan.catalog.shortlist.Shortlist;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CurrencyCode;

/**
 * The public page of a published product. Anyone may read it; a signed-in member also sees
 * whether it is on the organization's shortlist and, with the TRADE permission, can add it.
 * Unknown, draft and withdrawn products all get the same 404.
 */
@Controller
class ProductPageController {

    private final ProductPages pages;
    private final BuyerCurrency buyerCurrency;
    private final Shortlist shortlist;
    private final PublicResponses responses;

    ProductPageController(ProductPages pages, BuyerCurrency buyerCurrency, Shortlist shortlist,
            PublicResponses responses) {
        this.pages = pages;
        this.buyerCurrency = buyerCurrency;
        this.shortlist = shortlist;
        this.responses = responses;
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable String id, @RequestParam(name = "lang", required = false) @Nullable String language,
            @AuthenticationPrincipal @Nullable MemberPrincipal member, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        boolean anonymous = PublicResponses.anonymous(member, request);
        ProductId product = productId(id);
        CurrencyCode currency = buyerCurrency.resolve(request, response, locale);
        ProductPage page = pages.find(product, locale, language, currency).orElseThrow(DomainException::notFound);
        model.addAttribute("page", page);
        if (member != null) {
            model.addAttribute("onShortlist", shortlist.contains(product));
            model.addAttribute("canShortlist", member.can(Permission.TRADE));
        }
        responses.cacheHeaders(anonymous, response);
        return "catalog/storefront/product";
    }

    /** A malformed identifier names no product: the same 404 as an unknown one. */
    static ProductId productId(String id) {
        try {
            return ProductId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw DomainException.notFound();
        }
    }
}
