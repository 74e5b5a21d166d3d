package trade.caravan.catalog.listing;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.catalog.listing.SearchResults.Facet;
import trade.caravan.catalog.pricing.BuyerCurrency;
import trade.caravan.platform.AnonymousPages;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CurrencyCode;

/**
 * The public search page ({@code /search}, no sign-in): a GET form that works without JavaScript;
 * with htmx, a change of query, filter, order or currency swaps only the results and the filters.
 */
@Controller
class SearchController {

    /** A filter as the page shows it: its request parameter, its heading and its values with counts. */
    public record FacetGroup(String parameter, String legend, List<Facet> facets) {

        static final int VISIBLE = 8;

        public List<Facet> first() {
            return facets.size() <= VISIBLE + 2 ? facets : facets.subList(0, VISIBLE);
        }

        public List<Facet> more() {
            return facets.size() <= VISIBLE + 2 ? List.of() : facets.subList(VISIBLE, facets.size());
        }

        public boolean moreSelected() {
            return more().stream().anyMatch(Facet::selected);
        }
    }

    private final ListingSearch search;
    private final BuyerCurrency buyerCurrency;
    private final SearchReference reference;
    private final MessageSource messages;

    SearchController(ListingSearch search, BuyerCurrency buyerCurrency, SearchReference reference,
            MessageSource messages) {
        this.search = search;
        this.buyerCurrency = buyerCurrency;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "hsSection", required = false) @Nullable List<String> hsSections,
            @RequestParam(name = "hsChapter", required = false) @Nullable List<String> hsChapters,
            @RequestParam(name = "origin", required = false) @Nullable List<String> origins,
            @RequestParam(name = "certification", required = false) @Nullable List<String> certifications,
            @RequestParam(name = "priceBand", required = false) @Nullable List<String> priceBands,
            @RequestParam(name = "moqBand", required = false) @Nullable List<String> moqBands,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        if (request.getUserPrincipal() == null) {
            AnonymousPages.withoutSession(request);
        }
        CurrencyCode currency = buyerCurrency.resolve(request, response, locale);
        var query = new SearchRequest(q, hsSections, hsChapters, origins, certifications, priceBands, moqBands,
                sort, null, cursor, null);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("currency", currency);
        model.addAttribute("currencies", reference.buyerCurrencies());
        model.addAttribute("sorts", SearchSort.values());
        model.addAttribute("htmx", htmx != null);
        try {
            SearchResults results = search.search(query, currency, locale);
            model.addAttribute("results", results);
            model.addAttribute("sort", results.sort());
            model.addAttribute("facetGroups", groups(results, locale));
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            model.addAttribute("problems", invalid.violations().stream()
                    .map(v -> messages.getMessage(v.messageCode(), v.arguments(), locale)).toList());
        } catch (DomainException refusal) {
            response.setStatus(400);
            model.addAttribute("problems",
                    List.of(messages.getMessage(refusal.messageCode(), refusal.arguments(), locale)));
        }
        return htmx != null ? "catalog/search :: results" : "catalog/search";
    }

    private List<FacetGroup> groups(SearchResults results, Locale locale) {
        SearchResults.Facets facets = results.facets();
        return List.of(
                new FacetGroup("hsSection", messages.getMessage("search.facet.hsSection", null, locale),
                        facets.hsSections()),
                new FacetGroup("hsChapter", messages.getMessage("search.facet.hsChapter", null, locale),
                        facets.hsChapters()),
                new FacetGroup("origin", messages.getMessage("search.facet.origin", null, locale), facets.origins()),
                new FacetGroup("certification", messages.getMessage("search.facet.certification", null, locale),
                        facets.certifications()),
                new FacetGroup("priceBand", messages.getMessage("search.facet.priceBand",
                        new Object[] {results.priceBandCurrency().value()}, locale), facets.priceBands()),
                new FacetGroup("moqBand", messages.getMessage("search.facet.moqBand", null, locale),
                        facets.moqBands()));
    }
}
