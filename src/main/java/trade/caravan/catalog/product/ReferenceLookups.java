package trade.caravan.catalog.product;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Location;
import trade.caravan.reference.Locations;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * The reference data a product is checked against (HS 2022, ISO 3166, ISO 4217, UN/LOCODE). A
 * bulk import asks {@link #remembering()} for a copy that looks each code up once: a file of
 * 10,000 products names a handful of codes, and asking the database 40,000 times would be slow.
 */
interface ReferenceLookups {

    /** The HS code if HS 2022 has it; else a {@link DomainException} saying why not. */
    HsCode hs(String code);

    boolean country(CountryCode code);

    /** Whether the currency exists and is not withdrawn. */
    boolean currentCurrency(CurrencyCode code);

    /** Whether the location exists and has a transport function (port, airport, rail, ...). */
    boolean transportLocation(UnLocode code);

    static ReferenceLookups direct(HsNomenclature hs, Countries countries, Currencies currencies, Locations locations) {
        return new ReferenceLookups() {
            @Override
            public HsCode hs(String code) {
                return hs.validate(code);
            }

            @Override
            public boolean country(CountryCode code) {
                return countries.exists(code);
            }

            @Override
            public boolean currentCurrency(CurrencyCode code) {
                return currencies.exists(code);
            }

            @Override
            public boolean transportLocation(UnLocode code) {
                return locations.find(code).map(Location::functions).filter(f -> !f.isEmpty()).isPresent();
            }
        };
    }

    /** A copy that remembers every answer, refusals included; for one unit of work, not shared. */
    default ReferenceLookups remembering() {
        ReferenceLookups source = this;
        return new ReferenceLookups() {
            private final Map<String, Object> hsCodes = new HashMap<>();
            private final Map<CountryCode, Boolean> countries = new HashMap<>();
            private final Map<CurrencyCode, Boolean> currencies = new HashMap<>();
            private final Map<UnLocode, Boolean> locations = new HashMap<>();

            @Override
            public HsCode hs(String code) {
                Object answer = hsCodes.computeIfAbsent(code, c -> {
                    try {
                        return source.hs(c);
                    } catch (DomainException refusal) {
                        return refusal;
                    }
                });
                if (answer instanceof DomainException refusal) {
                    throw new DomainException(refusal.kind(), refusal.messageCode(), refusal.arguments());
                }
                return (HsCode) answer;
            }

            @Override
            public boolean country(CountryCode code) {
                return remembered(countries, code, source::country);
            }

            @Override
            public boolean currentCurrency(CurrencyCode code) {
                return remembered(currencies, code, source::currentCurrency);
            }

            @Override
            public boolean transportLocation(UnLocode code) {
                return remembered(locations, code, source::transportLocation);
            }

            private static <K> boolean remembered(Map<K, Boolean> answers, K key, Function<K, Boolean> lookup) {
                return answers.computeIfAbsent(key, lookup);
            }
        };
    }
}
