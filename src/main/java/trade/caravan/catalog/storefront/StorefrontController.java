package trade.caravan.catalog.storefront;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.pricing.BuyerCurrency;
import trade.caravan.catalog.pricing.CatalogFormats;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Formats;
import trade.caravan.platform.Links;
import trade.caravan.platform.SupportedLocales;
import trade.caravan.reference.Countries;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.shared.OrganizationId;

/** A supplier's public storefront page. Unknown organizations and pure importers get a 404. */
@Controller
class StorefrontController {

    /** A listing as a storefront shows it: a card linking to the product page. */
    record Card(String id, String title, String locale, @Nullable UUID image, String hsCode, String minimumOrder,
            String unitCode, String from, @Nullable String indicative) {
    }

    record Alternate(String hreflang, String href) {
    }

    private final Storefronts storefronts;
    private final BuyerCurrency buyerCurrency;
    private final IndicativePrices prices;
    private final CatalogFormats money;
    private final Formats formats;
    private final Countries countries;
    private final Links links;
    private final PublicResponses responses;

    StorefrontController(Storefronts storefronts, BuyerCurrency buyerCurrency, IndicativePrices prices,
            CatalogFormats money, Formats formats, Countries countries, Links links, PublicResponses responses) {
        this.storefronts = storefronts;
        this.buyerCurrency = buyerCurrency;
        this.prices = prices;
        this.money = money;
        this.formats = formats;
        this.countries = countries;
        this.links = links;
        this.responses = responses;
    }

    @GetMapping("/suppliers/{id}")
    String storefront(@PathVariable String id, @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal @Nullable MemberPrincipal member, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        boolean anonymous = PublicResponses.anonymous(member, request);
        OrganizationId supplier = organizationId(id);
        Storefronts.Storefront storefront = storefronts.find(supplier).orElseThrow(DomainException::notFound);
        CurrencyCode buyer = buyerCurrency.resolve(request, response, locale);
        CursorPage<Card> cards = storefronts.listings(supplier, cursor, CursorPage.DEFAULT_LIMIT)
                .map(listing -> card(listing, locale, buyer));

        String path = "/suppliers/" + supplier;
        String country = storefront.facts().summary().country().value();
        model.addAttribute("storefront", storefront);
        model.addAttribute("summary", storefront.facts().summary());
        model.addAttribute("countryName", countries.find(storefront.facts().summary().country())
                .map(c -> c.displayName(locale)).orElse(country));
        model.addAttribute("cards", cards);
        model.addAttribute("canonicalUrl", links.absolute(cursor == null ? path : path + "?cursor=" + cursor));
        model.addAttribute("alternates", List.of(
                new Alternate("en", links.absolute(path + "?lang=en")),
                new Alternate("zh-CN", links.absolute(path + "?lang=zh-CN")),
                new Alternate("x-default", links.absolute(path))));
        model.addAttribute("jsonLd", JsonLd.organization(storefront.facts(), links.absolute(path)));
        model.addAttribute("ogLocale", SupportedLocales.normalize(locale).toString());
        responses.cacheHeaders(anonymous, response);
        return "catalog/storefront/supplier";
    }

    private Card card(ListingView listing, Locale locale, CurrencyCode buyer) {
        ListingView.Text text = ProductPages.textFor(listing, locale);
        Money lowest = listing.prices().lowestUnitPrice();
        @Nullable String indicative = null;
        if (!buyer.equals(lowest.currency())) {
            try {
                indicative = money.money(prices.convert(lowest, buyer).converted());
            } catch (DomainException notQuoted) {
                indicative = null;
            }
        }
        return new Card(listing.id().toString(), text.title(), text.locale(),
                listing.images().isEmpty() ? null : listing.images().getFirst(), ProductPages.hsDisplay(listing.hsCode()),
                formats.number(listing.prices().minimumOrderQuantity()), listing.unit().code(), money.money(lowest),
                indicative);
    }

    /** A malformed identifier names no supplier: the same 404 as an unknown one. */
    static OrganizationId organizationId(String id) {
        try {
            return OrganizationId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw DomainException.notFound();
        }
    }
}
