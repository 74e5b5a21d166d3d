package trade.caravan.reference.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.ExchangeRate;
import trade.caravan.reference.ExchangeRates;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Incoterms;
import trade.caravan.reference.LocationQuery;
import trade.caravan.reference.Locations;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * Read-only lookups of the reference data, public and without sign-in. Lists of searches are
 * cursor-paginated ({@code ?cursor=&limit=}); errors are RFC 9457 problem documents in the
 * caller's language.
 */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference data", description = "HS 2022 nomenclature, UN/LOCODE locations, countries, currencies, "
        + "ECB euro reference rates and the Incoterms® 2020 rules. Public, read-only.")
class ReferenceApi {

    static final String FUNCTIONS = "(?i)port|rail|road|airport|postal|multimodal|fixed|border";

    private final HsNomenclature hs;
    private final Locations locations;
    private final Countries countries;
    private final Currencies currencies;
    private final ExchangeRates exchangeRates;
    private final ReferenceViews views;

    ReferenceApi(HsNomenclature hs, Locations locations, Countries countries, Currencies currencies,
            ExchangeRates exchangeRates, ReferenceViews views) {
        this.hs = hs;
        this.locations = locations;
        this.countries = countries;
        this.currencies = currencies;
        this.exchangeRates = exchangeRates;
        this.views = views;
    }

    @GetMapping("/hs")
    @Operation(summary = "Search the HS 2022 nomenclature",
            description = "By code prefix (\"09\", \"0901.1\"; 8- or 10-digit tariff lines are cut to their 6-digit "
                    + "subheading), by section numeral (\"XVI\"), or by English words, each matching a word or the "
                    + "start of one (\"roast coff\"). Results in nomenclature order: sections, chapters, headings, "
                    + "subheadings. A blank query lists the whole nomenclature.")
    CursorPage<HsEntry> searchHs(
            @Parameter(description = "Code prefix, section numeral or English words; at most 100 characters")
            @RequestParam(defaultValue = "") @Size(max = 100) String q,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @RequestParam(required = false) @Min(1) @Max(100) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) @Size(max = 512) @Nullable String cursor) {
        return hs.search(q, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/hs/{code}")
    @Operation(summary = "One entry of the HS 2022 nomenclature, with the entries above and below it",
            description = "A chapter (2 digits), heading (4), subheading (6) or section (I to XXI).")
    @ApiResponse(responseCode = "404", description = "HS 2022 has no such code")
    ReferenceViews.HsEntryDetails hsEntry(@Parameter(description = "e.g. 0901, 090111, 09 or II") @PathVariable String code) {
        HsEntry entry = hs.find(code).orElseThrow(DomainException::notFound);
        return new ReferenceViews.HsEntryDetails(entry, hs.ancestors(entry), hs.children(entry));
    }

    @GetMapping("/locations")
    @Operation(summary = "Search UN/LOCODE locations by name or code",
            description = "Matches names regardless of case and accents, alternative names of bilingual places, and "
                    + "codes: a whole one in any case (\"deham\", \"DE HAM\") or the start of one in capitals (\"DEH\"). "
                    + "Best matches first: exact, then names starting with the text, then codes, then names containing "
                    + "it. Only locations with a transport function are listed.")
    CursorPage<ReferenceViews.LocationView> searchLocations(
            @Parameter(description = "Name or UN/LOCODE, or its start; at most 100 characters")
            @RequestParam(defaultValue = "") @Size(max = 100) String q,
            @Parameter(description = "Only locations with this function: port, rail, road, airport, postal, multimodal, fixed, border")
            @RequestParam(required = false) @Pattern(regexp = FUNCTIONS, message = "{reference.validation.function}") @Nullable String function,
            @Parameter(description = "Only locations in this country (ISO 3166-1 alpha-2)")
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{2}", message = "{reference.validation.country}") @Nullable String country,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @RequestParam(required = false) @Min(1) @Max(100) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) @Size(max = 512) @Nullable String cursor) {
        var query = new LocationQuery(q, ReferenceViews.function(function), country == null ? null : CountryCode.of(country));
        return locations.search(query, cursor, CursorPage.limit(limit)).map(ReferenceViews::location);
    }

    @GetMapping("/locations/{unlocode}")
    @Operation(summary = "One UN/LOCODE location")
    @ApiResponse(responseCode = "404", description = "The code list has no such location")
    ReferenceViews.LocationView location(@Parameter(description = "e.g. DEHAM or NLRTM") @PathVariable String unlocode) {
        if (!UnLocode.isWellFormed(unlocode)) {
            throw DomainException.notFound();
        }
        return locations.find(UnLocode.of(unlocode)).map(ReferenceViews::location).orElseThrow(DomainException::notFound);
    }

    @GetMapping("/fx")
    @Operation(summary = "ECB euro reference rate between two currencies on a day",
            description = "Units of `to` for one unit of `from`, from the European Central Bank's euro reference rates, "
                    + "crossed through the euro. Uses the latest publication on or before `date` (weekends and "
                    + "holidays take the business day before) and says which day it used in `rateDate`. "
                    + "Without `date`, the latest rate. With `amount`, also the converted amount, rounded half-even "
                    + "to the minor units of `to`. Source: European Central Bank.")
    @ApiResponse(responseCode = "400", description = "Malformed or unknown currency, malformed date, date before "
            + "4 January 1999 or in the future")
    @ApiResponse(responseCode = "404", description = "The ECB does not quote the currency, or did not on that day")
    ReferenceViews.FxQuote fx(
            @Parameter(description = "ISO 4217 code, e.g. USD", required = true) @RequestParam(required = false) @NotBlank
            @Pattern(regexp = "[A-Za-z]{3}", message = "{reference.validation.currency}") @Nullable String from,
            @Parameter(description = "ISO 4217 code, e.g. CNY", required = true) @RequestParam(required = false) @NotBlank
            @Pattern(regexp = "[A-Za-z]{3}", message = "{reference.validation.currency}") @Nullable String to,
            @Parameter(description = "ISO date, e.g. 2024-03-15; default today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @Parameter(description = "An amount of `from` to convert")
            @RequestParam(required = false) @PositiveOrZero @Digits(integer = 15, fraction = 6) @Nullable BigDecimal amount) {
        // @NotBlank has refused a missing from or to before this line runs
        ExchangeRate rate = exchangeRates.rate(CurrencyCode.of(String.valueOf(from)), CurrencyCode.of(String.valueOf(to)), date);
        return views.quote(rate, amount);
    }

    @GetMapping("/countries")
    @Operation(summary = "ISO 3166-1 countries with UN M49 regions and currencies",
            description = "Sorted by name in the caller's language (Accept-Language); `localName` is that name.")
    List<ReferenceViews.CountryView> countries(Locale locale) {
        return countries.all(locale).stream().map(country -> views.country(country, locale)).toList();
    }

    @GetMapping("/currencies")
    @Operation(summary = "ISO 4217 currencies", description = "Current ones by code; with `withdrawn=true`, withdrawn ones after them. "
            + "`minorUnits` is absent where ISO 4217 says N.A.; `localName` is the name in the caller's language.")
    List<ReferenceViews.CurrencyView> currencies(
            @Parameter(description = "Include withdrawn codes") @RequestParam(defaultValue = "false") boolean withdrawn,
            Locale locale) {
        return currencies.all(withdrawn).stream().map(currency -> views.currency(currency, locale)).toList();
    }

    @GetMapping("/incoterms")
    @Operation(summary = "The Incoterms® 2020 rules",
            description = "For each of the eleven rules: mode of transport, named place, delivery point and where risk "
                    + "passes (A2/B2, A3/B3), who contracts and pays the main carriage (A4/B4), insurance (A5/B5), "
                    + "export and import clearance (A7/B7). Source: " + Incoterms.SOURCE + ".")
    List<ReferenceViews.IncotermView> incoterms(Locale locale) {
        return Incoterms.all().stream().map(rule -> views.incoterm(rule, locale)).toList();
    }
}
