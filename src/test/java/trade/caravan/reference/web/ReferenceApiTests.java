package trade.caravan.reference.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import trade.caravan.reference.ExchangeRate;

/** The public JSON API, called anonymously as any ERP or script would. */
@SpringBootTest
@AutoConfigureMockMvc
class ReferenceApiTests {

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange();
    }

    private MvcTestResult getIn(String language, String uri) {
        return mvc.get().uri(uri).accept(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    @Test
    void hsSearchByWordFindsCoffee() {
        MvcTestResult result = get("/api/v1/reference/hs?q=coffee&limit=100");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.items[*].code").asArray()
                .contains("0901", "090111", "2101");
        assertThat(result).bodyJson().extractingPath("$.items[?(@.code == '0901')].level").asArray().containsExactly("HEADING");
    }

    @Test
    void hsSearchByWordPrefixAndByCodePrefix() {
        assertThat(get("/api/v1/reference/hs?q=roast coff")).bodyJson().extractingPath("$.items[*].code").asArray()
                .contains("090111", "090121", "090122").doesNotContain("090190");
        assertThat(get("/api/v1/reference/hs?q=0901.1")).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("090111", "090112");
        // a 10-digit national tariff line finds its 6-digit subheading
        assertThat(get("/api/v1/reference/hs?q=0901110000")).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("090111");
    }

    @Test
    void hsSearchPagesFollowOnWithoutGapsOrRepeats() {
        MvcTestResult first = get("/api/v1/reference/hs?q=09&limit=5");
        assertThat(first).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("09", "0901", "090111", "090112", "090121");
        String cursor = com.jayway.jsonpath.JsonPath.read(bodyOf(first), "$.nextCursor");

        assertThat(get("/api/v1/reference/hs?q=09&limit=5&cursor=" + cursor)).bodyJson()
                .extractingPath("$.items[*].code").asArray().containsExactly("090122", "090190", "0902", "090210", "090220");
    }

    @Test
    void hsEntryComesWithItsChapterAndSectionAndItsSubheadings() {
        MvcTestResult result = get("/api/v1/reference/hs/0901");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.level").isEqualTo("HEADING");
        assertThat(result).bodyJson().extractingPath("$.parent").isEqualTo("09");
        assertThat(result).bodyJson().extractingPath("$.ancestors[*].code").asArray().containsExactly("II", "09");
        assertThat(result).bodyJson().extractingPath("$.ancestors[1].description").asString().startsWith("Coffee, tea");
        assertThat(result).bodyJson().extractingPath("$.children[*].code").asArray()
                .containsExactly("090111", "090112", "090121", "090122", "090190");
    }

    @Test
    void unknownOrMalformedHsCodesAreNotFoundProblems() {
        for (String code : new String[] {"0999", "12345", "abc"}) {
            MvcTestResult result = get("/api/v1/reference/hs/" + code);
            assertThat(result).hasStatus(404);
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void locationSearchFindsThePortOfHamburgFirst() {
        MvcTestResult result = get("/api/v1/reference/locations?q=hamburg&function=port");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.items[0].unlocode").isEqualTo("DEHAM");
        assertThat(result).bodyJson().extractingPath("$.items[0].functions").asArray().contains("PORT");
        assertThat(result).bodyJson().extractingPath("$.items[0].subdivisionName").isEqualTo("Hamburg");
    }

    @Test
    void locationSearchByCodeAndAccentedName() {
        assertThat(get("/api/v1/reference/locations?q=DE HAM")).bodyJson().extractingPath("$.items[0].unlocode")
                .isEqualTo("DEHAM");
        assertThat(get("/api/v1/reference/locations?q=Düsseldorf&country=de")).bodyJson()
                .extractingPath("$.items[0].unlocode").isEqualTo("DEDUS");
    }

    @Test
    void locationByCode() {
        MvcTestResult result = get("/api/v1/reference/locations/nlrtm");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.unlocode").isEqualTo("NLRTM");
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Rotterdam");
        assertThat(result).bodyJson().extractingPath("$.country").isEqualTo("NL");
        assertThat(result).bodyJson().extractingPath("$.functions").asArray()
                .containsExactly("PORT", "RAIL", "ROAD", "AIRPORT", "POSTAL");
        assertThat(get("/api/v1/reference/locations/XXZZZ")).hasStatus(404);
        assertThat(get("/api/v1/reference/locations/not-a-code")).hasStatus(404);
    }

    @Test
    void badLocationParametersAreFieldErrors() {
        MvcTestResult result = get("/api/v1/reference/locations?q=x&function=ship&country=Germany&limit=500");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .contains("function", "country", "limit");
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'function')].message").asArray()
                .containsExactly("Must be one of port, rail, road, airport, postal, multimodal, fixed, border.");
    }

    @Test
    void tooLongQueriesAreRefused() {
        MvcTestResult result = get("/api/v1/reference/hs?q=" + "a".repeat(101));

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void crossRateFromTheEcbFileForTheDay() {
        MvcTestResult result = get("/api/v1/reference/fx?from=USD&to=CNY&date=2024-03-15&amount=1000");

        assertThat(result).hasStatusOk();
        // eurofxref-hist.csv, 2024-03-15: USD 1.0892, CNY 7.838 per euro
        BigDecimal expected = new BigDecimal("7.838").divide(new BigDecimal("1.0892"), ExchangeRate.PRECISION);
        assertThat(result).bodyJson().extractingPath("$.rate").asNumber()
                .satisfies(rate -> assertThat(new BigDecimal(rate.toString())).isEqualByComparingTo(expected));
        assertThat(result).bodyJson().extractingPath("$.rateDate").isEqualTo("2024-03-15");
        assertThat(result).bodyJson().extractingPath("$.converted").asNumber()
                .satisfies(amount -> assertThat(new BigDecimal(amount.toString())).isEqualByComparingTo("7196.11"));
        assertThat(result).bodyJson().extractingPath("$.source").asString().contains("European Central Bank");
    }

    @Test
    void aSaturdayUsesFridaysRatesAndSaysSo() {
        MvcTestResult result = get("/api/v1/reference/fx?from=EUR&to=USD&date=2024-03-16");

        assertThat(result).bodyJson().extractingPath("$.rateDate").isEqualTo("2024-03-15");
        assertThat(result).bodyJson().extractingPath("$.requestedDate").isEqualTo("2024-03-16");
        assertThat(result).bodyJson().extractingPath("$.rate").asNumber()
                .satisfies(rate -> assertThat(new BigDecimal(rate.toString())).isEqualByComparingTo("1.0892"));
    }

    @Test
    void anUnknownCurrencyIsABadRequestExplainedInTheCallersLanguage() {
        MvcTestResult chinese = getIn("zh-CN", "/api/v1/reference/fx?from=XYZ&to=CNY");
        assertThat(chinese).hasStatus(400);
        assertThat(chinese).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(chinese).bodyJson().extractingPath("$.detail").isEqualTo("XYZ 不是 ISO 4217 货币代码。");
        assertThat(chinese).bodyJson().extractingPath("$.title").isEqualTo("请求错误");

        assertThat(getIn("en", "/api/v1/reference/fx?from=XYZ&to=CNY")).bodyJson().extractingPath("$.detail")
                .isEqualTo("XYZ is not an ISO 4217 currency code.");
    }

    @Test
    void aCurrencyTheEcbDoesNotQuoteIsNotFound() {
        MvcTestResult result = get("/api/v1/reference/fx?from=NGN&to=EUR&date=2024-03-15");

        assertThat(result).hasStatus(404);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("NGN");
    }

    @Test
    void malformedFxParametersAreFieldErrors() {
        MvcTestResult result = getIn("zh-CN", "/api/v1/reference/fx?from=US&date=15.03.2024");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains("date");

        MvcTestResult missing = getIn("zh-CN", "/api/v1/reference/fx?from=US");
        assertThat(missing).hasStatus(400);
        assertThat(missing).bodyJson().extractingPath("$.errors[*].field").asArray().contains("from", "to");
        assertThat(missing).bodyJson().extractingPath("$.errors[?(@.field == 'from')].message").asArray()
                .containsExactly("必须是三位字母的 ISO 4217 货币代码，例如 EUR 或 CNY。");
    }

    @Test
    void daysBeforeTheFirstPublicationAreRefused() {
        MvcTestResult result = get("/api/v1/reference/fx?from=USD&to=EUR&date=1998-12-31");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("1999-01-04");
    }

    @Test
    void countriesWithLocalNamesRegionsAndCurrencies() {
        MvcTestResult result = getIn("zh-CN", "/api/v1/reference/countries");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.length()").isEqualTo(249);
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'CN')].localName").asArray().containsExactly("中国");
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'DE')].region.name").asArray().containsExactly("Europe");
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'NA')].currencies[*]").asArray()
                .containsExactly("NAD", "ZAR");
    }

    @Test
    void currenciesWithMinorUnits() {
        MvcTestResult result = get("/api/v1/reference/currencies");

        assertThat(result).bodyJson().extractingPath("$.length()").isEqualTo(178);
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'JPY')].minorUnits").asArray().containsExactly(0);
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'KWD')].minorUnits").asArray().containsExactly(3);
        assertThat(get("/api/v1/reference/currencies?withdrawn=true")).bodyJson()
                .extractingPath("$[?(@.code == 'DEM')].withdrawn").asArray().isNotEmpty();
    }

    @Test
    void theElevenIncotermsWithTheirCitations() {
        MvcTestResult result = getIn("zh-CN", "/api/v1/reference/incoterms");

        assertThat(result).bodyJson().extractingPath("$[*].code").asArray()
                .containsExactly("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF");
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'CIF')].insurance.minimumCover").asArray()
                .containsExactly("ICC (C)");
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'FOB')].name").asArray().containsExactly("船上交货");
        assertThat(result).bodyJson().extractingPath("$[0].citations.clearance").asString().contains("A7/B7");
    }

    @Test
    void theApiIsDocumented() {
        MvcTestResult result = get("/v3/api-docs");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.paths['/api/v1/reference/fx'].get.summary").asString()
                .contains("ECB");
    }

    private static String bodyOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
