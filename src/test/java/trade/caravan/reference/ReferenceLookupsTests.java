package trade.caravan.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/** The module's public API as other modules use it, on the bundled data. */
@SpringBootTest
@AutoConfigureMockMvc
class ReferenceLookupsTests {

    @Autowired
    Locations locations;

    @Autowired
    HsNomenclature hs;

    @Autowired
    Countries countries;

    @Autowired
    Currencies currencies;

    @Autowired
    ExchangeRates exchangeRates;

    private List<String> codes(CursorPage<Location> page) {
        return page.items().stream().map(location -> location.unlocode().value()).toList();
    }

    @Test
    void theExactNameComesFirstThenNamesStartingWithItThenTheRest() {
        List<Location> found = locations.search(LocationQuery.of("hamburg"), null, 100).items();

        assertThat(found.getFirst().unlocode().value()).isEqualTo("DEHAM");
        int firstContaining = -1;
        for (int i = 0; i < found.size(); i++) {
            String name = found.get(i).name().toLowerCase(Locale.ROOT);
            if (!name.startsWith("hamburg")) {
                firstContaining = firstContaining < 0 ? i : firstContaining;
            } else {
                assertThat(firstContaining).as("a name starting with the text after one only containing it").isNegative();
            }
        }
        assertThat(firstContaining).as("names containing hamburg elsewhere are found too").isPositive();
    }

    @Test
    void filtersByFunctionAndCountry() {
        var ports = locations.search(new LocationQuery("san", TransportFunction.PORT, CountryCode.of("ES")), null, 100);

        assertThat(ports.items()).isNotEmpty().allSatisfy(location -> {
            assertThat(location.has(TransportFunction.PORT)).isTrue();
            assertThat(location.country().value()).isEqualTo("ES");
        });
    }

    @Test
    void bilingualPlacesAreFoundUnderEitherName() {
        assertThat(codes(locations.search(LocationQuery.of("Bruxelles"), null, 5))).contains("BEBRU");
        assertThat(codes(locations.search(LocationQuery.of("Brussel"), null, 5))).contains("BEBRU");
        assertThat(locations.find(UnLocode.of("BEBRU")).orElseThrow().alternativeNames())
                .containsExactly("Bruxelles (Brussel)");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(codes(locations.search(LocationQuery.of("DÜSSELDORF"), null, 1))).containsExactly("DEDUS");
        assertThat(codes(locations.search(LocationQuery.of("sao paulo"), null, 3))).contains("BRSAO");
    }

    @Test
    void shortTextMatchesOnlyTheStartOfNamesAndCodes() {
        List<Location> found = locations.search(LocationQuery.of("Xi"), null, 100).items();

        assertThat(found).isNotEmpty().allSatisfy(location -> assertThat(
                location.name().toLowerCase(Locale.ROOT).startsWith("xi")
                        || location.unlocode().value().startsWith("XI")).isTrue());
    }

    @Test
    void textIsReadAsACodeOnlyWhenItIsOneOrIsTypedInCapitals() {
        assertThat(codes(locations.search(LocationQuery.of("deham"), null, 1))).containsExactly("DEHAM");
        assertThat(locations.search(LocationQuery.of("DEH"), null, 100).items())
                .anySatisfy(location -> assertThat(location.name().toLowerCase(Locale.ROOT)).doesNotContain("deh"));
        assertThat(locations.search(LocationQuery.of("deh"), null, 100).items())
                .allSatisfy(location -> assertThat(location.name().toLowerCase(Locale.ROOT)).contains("deh"));
    }

    @Test
    void likeWildcardsAreTakenLiterally() {
        assertThat(locations.search(LocationQuery.of("%"), null, 10).items()).isEmpty();
        assertThat(locations.search(LocationQuery.of("___"), null, 10).items()).isEmpty();
    }

    @Test
    void pagesFollowOnWithoutGapsOrRepeats() {
        var query = new LocationQuery("hamburg", null, null);
        List<String> all = codes(locations.search(query, null, 100));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            CursorPage<Location> page = locations.search(query, cursor, 3);
            paged.addAll(codes(page));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(paged).isEqualTo(all);
        assertThat(all.size()).isGreaterThan(3);
    }

    @Test
    void aForgedCursorIsRefused() {
        String forged = Cursor.of("x", "hamburg", "DEHAM").encode();

        assertThatThrownBy(() -> locations.search(LocationQuery.of("hamburg"), forged, 10))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageCode()).isEqualTo("error.cursor.invalid"));
    }

    @Test
    void hsCodesAreValidatedAgainstTheNomenclature() {
        assertThat(hs.validate("0901.11")).isEqualTo(HsCode.of("090111"));
        assertThat(hs.exists(HsCode.of("8517"))).isTrue();
        assertThatThrownBy(() -> hs.validate("0999")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageCode()).isEqualTo("error.reference.hs-unknown"));
        assertThatThrownBy(() -> hs.validate("coffee")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageCode()).isEqualTo("error.reference.hs-malformed"));
        // UN Comtrade's statistical code 99 is not part of the nomenclature
        assertThat(hs.exists(HsCode.of("99"))).isFalse();
    }

    @Test
    void hsTreeFromSectionToSubheading() {
        HsEntry subheading = hs.find("090111").orElseThrow();

        assertThat(subheading.level()).isEqualTo(HsLevel.SUBHEADING);
        assertThat(hs.ancestors(subheading)).extracting(HsEntry::code).containsExactly("II", "09", "0901");
        HsEntry section = hs.find("ii").orElseThrow();
        assertThat(section.level()).isEqualTo(HsLevel.SECTION);
        assertThat(hs.children(section)).extracting(HsEntry::code).containsExactly("06", "07", "08", "09", "10",
                "11", "12", "13", "14");
        assertThat(hs.sections()).hasSize(21).first().extracting(HsEntry::description)
                .isEqualTo("Live animals; animal products");
    }

    @Test
    void countriesWithLocalisedNamesAndCurrencies() {
        Country china = countries.find(CountryCode.of("CN")).orElseThrow();

        assertThat(countries.exists(CountryCode.of("DE"))).isTrue();
        assertThat(countries.exists(CountryCode.of("XX"))).isFalse();
        assertThat(china.displayName(Locale.SIMPLIFIED_CHINESE)).isEqualTo("中国");
        assertThat(china.displayName(Locale.ENGLISH)).isEqualTo("China");
        assertThat(china.displayName(Locale.FRENCH)).isEqualTo("Chine");
        Country britain = countries.find(CountryCode.of("GB")).orElseThrow();
        assertThat(britain.displayName(Locale.SIMPLIFIED_CHINESE)).as("the short name, not the official one").isEqualTo("英国");
        assertThat(britain.officialNameChinese()).isEqualTo("大不列颠及北爱尔兰联合王国");
        assertThat(china.region()).isEqualTo(new Region(142, "Asia"));
        assertThat(china.currencies()).containsExactly(CurrencyCode.of("CNY"));
        assertThat(countries.using(CurrencyCode.of("EUR"))).extracting(c -> c.code().value()).contains("DE", "FR");
        assertThat(countries.all(Locale.ENGLISH).getFirst().name()).isEqualTo("Afghanistan");
    }

    @Test
    void currenciesCurrentAndWithdrawn() {
        assertThat(currencies.exists(CurrencyCode.of("EUR"))).isTrue();
        assertThat(currencies.exists(CurrencyCode.of("DEM"))).as("withdrawn").isFalse();
        assertThat(currencies.find(CurrencyCode.of("DEM")).orElseThrow().withdrawn()).isNotBlank();
        assertThat(currencies.minorUnits(CurrencyCode.of("JPY"))).hasValue(0);
        assertThat(currencies.minorUnits(CurrencyCode.of("KWD"))).hasValue(3);
        assertThat(currencies.minorUnits(CurrencyCode.of("XAU"))).as("gold: N.A.").isEmpty();
        assertThat(currencies.find(CurrencyCode.of("CNY")).orElseThrow().displayName(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("人民币");
    }

    @Test
    void discontinuedEcbSeriesAreNotExtendedWithStaleRates() {
        assertThat(exchangeRates.rate(CurrencyCode.of("RUB"), CurrencyCode.of("EUR"),
                java.time.LocalDate.of(2022, 2, 28)).rate()).isPositive();
        assertThatThrownBy(() -> exchangeRates.rate(CurrencyCode.of("RUB"), CurrencyCode.of("EUR"),
                java.time.LocalDate.of(2024, 3, 15)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageCode()).isEqualTo("error.reference.fx-not-quoted-on");
                    assertThat(e.arguments()).containsExactly("RUB", "2024-03-15", "2005-04-01", "2022-03-01");
                });
        assertThat(exchangeRates.quotedCurrencies()).hasSize(42).contains(CurrencyCode.of("EUR"), CurrencyCode.of("CNY"));
    }
}
