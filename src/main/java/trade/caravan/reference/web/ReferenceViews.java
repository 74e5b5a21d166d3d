package trade.caravan.reference.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.Country;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.Currency;
import trade.caravan.reference.DeliveryPoint;
import trade.caravan.reference.ExchangeRate;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.Incoterms;
import trade.caravan.reference.Location;
import trade.caravan.reference.ModeOfTransport;
import trade.caravan.reference.NamedPlace;
import trade.caravan.reference.Region;
import trade.caravan.reference.TradeParty;
import trade.caravan.reference.TransportFunction;
import trade.caravan.shared.CurrencyCode;

/** The JSON bodies of the reference API, and the translations they carry, built from the module's records. */
@Component
class ReferenceViews {

    /** An HS entry with the entries above it (section first) and directly below it. */
    record HsEntryDetails(String code, String level, String description, @Nullable String parent, String section,
            List<HsEntry> ancestors, List<HsEntry> children) {

        HsEntryDetails(HsEntry entry, List<HsEntry> ancestors, List<HsEntry> children) {
            this(entry.code(), entry.level().name(), entry.description(), entry.parent(), entry.section(),
                    List.copyOf(ancestors), List.copyOf(children));
        }
    }

    /** A UN/LOCODE location with its codes as plain strings. */
    record LocationView(String unlocode, String country, String name, List<String> alternativeNames,
            @Nullable String subdivision, @Nullable String subdivisionName, List<TransportFunction> functions,
            @Nullable String status, @Nullable String iata, @Nullable BigDecimal latitude,
            @Nullable BigDecimal longitude) {
    }

    /** A rate and, if an amount was given, the amount converted to the target's minor units. */
    record FxQuote(String from, String to, BigDecimal rate, LocalDate rateDate, LocalDate requestedDate,
            @Nullable BigDecimal amount, @Nullable BigDecimal converted, String source) {
    }

    record CountryView(String code, String alpha3, String numericCode, String name, String localName,
            @Nullable Region region, @Nullable Region subRegion, @Nullable Region intermediateRegion,
            List<String> currencies, @Nullable String capital, boolean independent) {
    }

    record CurrencyView(String code, @Nullable String numericCode, String name, String localName,
            @Nullable Integer minorUnits, @Nullable String withdrawn) {
    }

    record Insurance(@Nullable TradeParty party, @Nullable String minimumCover) {
    }

    record Citations(String source, String modeOfTransport, String delivery, String carriage, String insurance,
            String clearance) {
    }

    /** One Incoterms® 2020 rule with the allocation of duties; texts in the caller's language. */
    record IncotermView(String code, String name, ModeOfTransport modeOfTransport, NamedPlace namedPlace,
            DeliveryPoint delivery, String deliveryDescription, boolean riskPassesAtDestination,
            TradeParty mainCarriage, Insurance insurance, TradeParty exportClearance, TradeParty importClearance,
            Citations citations) {
    }

    static final Citations CITATIONS = new Citations(Incoterms.SOURCE, Incoterms.MODE_CITATION,
            Incoterms.DELIVERY_CITATION, Incoterms.CARRIAGE_CITATION, Incoterms.INSURANCE_CITATION,
            Incoterms.CLEARANCE_CITATION);

    private final MessageSource messages;
    private final Currencies currencies;

    ReferenceViews(MessageSource messages, Currencies currencies) {
        this.messages = messages;
        this.currencies = currencies;
    }

    /** The function named in a request, refused with the list of valid names if there is none such. */
    static @Nullable TransportFunction function(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return TransportFunction.fromCode(code).orElseThrow(() ->
                new DomainException(DomainException.Kind.INVALID, "error.reference.function-unknown"));
    }

    static LocationView location(Location location) {
        return new LocationView(location.unlocode().value(), location.country().value(), location.name(),
                location.alternativeNames(), location.subdivision(), location.subdivisionName(),
                location.functions().stream().sorted().toList(), location.status(), location.iata(),
                location.latitude(), location.longitude());
    }

    FxQuote quote(ExchangeRate rate, @Nullable BigDecimal amount) {
        BigDecimal converted = null;
        if (amount != null) {
            converted = rate.convert(amount, minorUnits(rate.to()));
        }
        return new FxQuote(rate.from().value(), rate.to().value(), rate.rate(), rate.rateDate(), rate.requestedDate(),
                amount, converted, ExchangeRate.SOURCE);
    }

    /** The target's minor units; two where ISO 4217 gives none (only gold, SDR and the like, which the ECB does not quote). */
    int minorUnits(CurrencyCode currency) {
        return currencies.minorUnits(currency).orElse(2);
    }

    CountryView country(Country country, Locale locale) {
        return new CountryView(country.code().value(), country.alpha3(), country.numericCode(), country.name(),
                country.displayName(locale), country.region(), country.subRegion(), country.intermediateRegion(),
                country.currencies().stream().map(CurrencyCode::value).toList(), country.capital(),
                country.independent());
    }

    CurrencyView currency(Currency currency, Locale locale) {
        return new CurrencyView(currency.code().value(), currency.numericCode(), currency.name(),
                currency.displayName(locale), currency.minorUnits(), currency.withdrawn());
    }

    IncotermView incoterm(Incoterm rule, Locale locale) {
        return new IncotermView(rule.name(),
                messages.getMessage("reference.incoterm." + rule.name(), null, locale),
                rule.modeOfTransport(), rule.namedPlace(), rule.delivery(),
                messages.getMessage("reference.incoterms.delivery." + rule.delivery().name(), null, locale),
                rule.riskPassesAtDestination(), rule.mainCarriage(),
                new Insurance(rule.insurance().party().orElse(null), rule.insurance().minimumCover().orElse(null)),
                rule.exportClearance(), rule.importClearance(), CITATIONS);
    }
}
