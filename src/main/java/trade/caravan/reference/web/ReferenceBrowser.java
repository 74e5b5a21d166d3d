package trade.caravan.reference.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Country;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.ExchangeRate;
import trade.caravan.reference.ExchangeRates;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Incoterms;
import trade.caravan.reference.Location;
import trade.caravan.reference.LocationQuery;
import trade.caravan.reference.Locations;
import trade.caravan.reference.ModeOfTransport;
import trade.caravan.reference.Region;
import trade.caravan.reference.TransportFunction;
import trade.caravan.reference.UnLocode;
import trade.caravan.reference.load.LoadedDatasets;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * The reference data browser at {@code /reference}: HS codes and locations with type-ahead (htmx
 * asks the {@code /results} fragments; without JavaScript the same forms submit as plain GETs),
 * countries, currencies, an ECB rate lookup and the Incoterms® 2020 table. Bad input is answered
 * with the page, a translated message next to the field and status 400; nothing else changes.
 */
@Controller
@RequestMapping("/reference")
class ReferenceBrowser {

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,6})?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final HsNomenclature hs;
    private final Locations locations;
    private final Countries countries;
    private final Currencies currencies;
    private final ExchangeRates exchangeRates;
    private final LoadedDatasets datasets;
    private final ReferenceViews views;
    private final MessageSource messages;

    ReferenceBrowser(HsNomenclature hs, Locations locations, Countries countries, Currencies currencies,
            ExchangeRates exchangeRates, LoadedDatasets datasets, ReferenceViews views, MessageSource messages) {
        this.hs = hs;
        this.locations = locations;
        this.countries = countries;
        this.currencies = currencies;
        this.exchangeRates = exchangeRates;
        this.datasets = datasets;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("datasets", datasets.all().stream()
                .map(dataset -> Map.of("name", dataset.name(), "rows", dataset.rows(),
                        "loadedAt", dataset.loadedAt().atZone(ZoneOffset.UTC), "loadMillis", dataset.loadMillis()))
                .toList());
        return "reference/overview";
    }

    // HS nomenclature

    @GetMapping("/hs")
    String hs(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String cursor,
            Model model, HttpServletResponse response, Locale locale) {
        searchHs(q, cursor, model, response, locale);
        if (q.isBlank() && cursor == null) {
            model.addAttribute("sections", hs.sections());
        }
        return "reference/hs";
    }

    @GetMapping("/hs/results")
    String hsResults(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String cursor,
            Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        searchHs(q, cursor, model, response, locale);
        replaceUrl(request, response, "/reference/hs", "q", q);
        return "reference/hs :: results";
    }

    private void searchHs(String q, @Nullable String cursor, Model model, HttpServletResponse response, Locale locale) {
        model.addAttribute("q", q);
        if (q.isBlank() && cursor == null) {
            return;
        }
        try {
            model.addAttribute("page", hs.search(q, cursor, CursorPage.DEFAULT_LIMIT));
        } catch (DomainException refused) {
            refuse(refused, "q", model, response, locale);
        }
    }

    @GetMapping("/hs/{code}")
    String hsEntry(@PathVariable String code, Model model) {
        HsEntry entry = hs.find(code).orElseThrow(DomainException::notFound);
        model.addAttribute("entry", entry);
        model.addAttribute("ancestors", hs.ancestors(entry));
        model.addAttribute("children", hs.children(entry));
        return "reference/hs-entry";
    }

    // UN/LOCODE

    @GetMapping("/locations")
    String locations(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String function,
            @RequestParam(defaultValue = "") String country, @RequestParam(required = false) @Nullable String cursor,
            Model model, HttpServletResponse response, Locale locale) {
        searchLocations(q, function, country, cursor, model, response, locale);
        model.addAttribute("countries", countries.all(locale));
        return "reference/locations";
    }

    @GetMapping("/locations/results")
    String locationResults(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String function,
            @RequestParam(defaultValue = "") String country, @RequestParam(required = false) @Nullable String cursor,
            Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        searchLocations(q, function, country, cursor, model, response, locale);
        replaceUrl(request, response, "/reference/locations", "q", q, "function", function, "country", country);
        return "reference/locations :: results";
    }

    private void searchLocations(String q, String function, String country, @Nullable String cursor, Model model,
            HttpServletResponse response, Locale locale) {
        model.addAttribute("q", q);
        model.addAttribute("function", function);
        model.addAttribute("country", country);
        model.addAttribute("functions", TransportFunction.values());
        if (q.isBlank() && function.isBlank() && country.isBlank() && cursor == null) {
            return;
        }
        TransportFunction wanted;
        try {
            wanted = ReferenceViews.function(function);
        } catch (DomainException refused) {
            refuse(refused, "function", model, response, locale);
            return;
        }
        if (!country.isBlank() && !COUNTRY.matcher(country).matches()) {
            refuse(new DomainException(DomainException.Kind.INVALID, "reference.validation.country"), "country",
                    model, response, locale);
            return;
        }
        try {
            var query = new LocationQuery(q, wanted, country.isBlank() ? null : CountryCode.of(country));
            model.addAttribute("page", locations.search(query, cursor, CursorPage.DEFAULT_LIMIT));
            model.addAttribute("countryNames", countryNames(locale));
        } catch (DomainException refused) {
            refuse(refused, "q", model, response, locale);
        }
    }

    @GetMapping("/locations/{unlocode}")
    String location(@PathVariable String unlocode, Model model, Locale locale) {
        if (!UnLocode.isWellFormed(unlocode)) {
            throw DomainException.notFound();
        }
        Location location = locations.find(UnLocode.of(unlocode)).orElseThrow(DomainException::notFound);
        model.addAttribute("location", location);
        model.addAttribute("country", countries.find(location.country()).orElse(null));
        model.addAttribute("functions", TransportFunction.values());
        return "reference/location";
    }

    // Countries and currencies

    @GetMapping("/countries")
    String countries(@RequestParam(defaultValue = "") String region, Model model, HttpServletResponse response,
            Locale locale) {
        List<Country> all = countries.all(locale);
        Map<Integer, Region> regions = new LinkedHashMap<>();
        all.stream().map(Country::region).filter(Objects::nonNull)
                .sorted(java.util.Comparator.comparingInt(Region::code))
                .forEach(r -> regions.putIfAbsent(r.code(), r));
        model.addAttribute("regions", regions.values());
        model.addAttribute("region", region);
        List<Country> shown = all;
        if (!region.isBlank()) {
            Integer code = region.matches("[0-9]{1,3}") ? Integer.valueOf(region) : null;
            if (code == null || !regions.containsKey(code)) {
                refuse(new DomainException(DomainException.Kind.INVALID, "error.reference.region-unknown"), "region",
                        model, response, locale);
            } else {
                shown = all.stream().filter(c -> c.region() != null && c.region().code() == code).toList();
            }
        }
        model.addAttribute("countries", shown);
        return "reference/countries";
    }

    @GetMapping("/currencies")
    String currencies(@RequestParam(defaultValue = "false") String withdrawn, Model model,
            HttpServletResponse response, Locale locale) {
        boolean includeWithdrawn = "true".equals(withdrawn);
        if (!includeWithdrawn && !"false".equals(withdrawn)) {
            refuse(new DomainException(DomainException.Kind.INVALID, "error.reference.withdrawn-flag"), "withdrawn",
                    model, response, locale);
        }
        model.addAttribute("withdrawn", includeWithdrawn);
        model.addAttribute("currencies", currencies.all(includeWithdrawn));
        model.addAttribute("quoted", exchangeRates.quotedCurrencies().stream().map(CurrencyCode::value).toList());
        return "reference/currencies";
    }

    // ECB rates

    @GetMapping("/fx")
    String fx(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String amount,
            Model model, HttpServletResponse response, Locale locale) {
        model.addAttribute("quoted", exchangeRates.quotedCurrencies());
        model.addAttribute("from", from == null ? "EUR" : from);
        model.addAttribute("to", to == null ? "CNY" : to);
        model.addAttribute("date", date);
        model.addAttribute("amount", amount);
        if (from == null && to == null) {
            return "reference/fx";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (from == null || !CURRENCY.matcher(from).matches()) {
            errors.put("from", message("reference.validation.currency", locale));
        }
        if (to == null || !CURRENCY.matcher(to).matches()) {
            errors.put("to", message("reference.validation.currency", locale));
        }
        LocalDate day = null;
        if (!date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                errors.put("date", message("reference.validation.date", locale));
            }
        }
        String plainAmount = amount.replace(",", "").replace(" ", "");
        if (!plainAmount.isEmpty() && !AMOUNT.matcher(plainAmount).matches()) {
            errors.put("amount", message("reference.validation.amount", locale));
        }
        if (errors.isEmpty()) {
            try {
                ExchangeRate rate = exchangeRates.rate(CurrencyCode.of(Objects.requireNonNull(from)),
                        CurrencyCode.of(Objects.requireNonNull(to)), day);
                model.addAttribute("rate", rate);
                model.addAttribute("toMinorUnits", views.minorUnits(rate.to()));
                if (!plainAmount.isEmpty()) {
                    BigDecimal value = new BigDecimal(plainAmount);
                    model.addAttribute("amountValue", value);
                    model.addAttribute("converted", rate.convert(value, views.minorUnits(rate.to())));
                    model.addAttribute("fromMinorUnits", views.minorUnits(rate.from()));
                }
            } catch (DomainException refused) {
                response.setStatus(status(refused));
                model.addAttribute("refusal", messages.getMessage(refused.messageCode(), refused.arguments(), locale));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("errors", errors);
        return "reference/fx";
    }

    // Incoterms

    @GetMapping("/incoterms")
    String incoterms(Model model) {
        model.addAttribute("anyMode", Incoterms.of(ModeOfTransport.ANY_MODE));
        model.addAttribute("seaOnly", Incoterms.of(ModeOfTransport.SEA_AND_INLAND_WATERWAY));
        model.addAttribute("citations", ReferenceViews.CITATIONS);
        return "reference/incoterms";
    }

    private Map<String, String> countryNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        countries.all(locale).forEach(country -> names.put(country.code().value(), country.displayName(locale)));
        return names;
    }

    private void refuse(DomainException refused, String field, Model model, HttpServletResponse response, Locale locale) {
        response.setStatus(status(refused));
        model.addAttribute("errors", Map.of(field, messages.getMessage(refused.messageCode(), refused.arguments(), locale)));
    }

    private static int status(DomainException refused) {
        return refused.kind() == DomainException.Kind.NOT_FOUND
                ? HttpServletResponse.SC_NOT_FOUND
                : HttpServletResponse.SC_BAD_REQUEST;
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    /** Lets the address bar follow the type-ahead, so reload and back show the same results (htmx). */
    private static void replaceUrl(HttpServletRequest request, HttpServletResponse response, String path,
            String... namesAndValues) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getContextPath() + path);
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (!namesAndValues[i + 1].isBlank()) {
                url.queryParam(namesAndValues[i], "{" + namesAndValues[i] + "}");
                given.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        // values are expanded as encoded variables: nothing typed can break out of the URL or the header
        response.setHeader("HX-Replace-Url", url.encode().buildAndExpand(given).toUriString());
    }
}
