package trade.caravan.reference.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The reference data browser, visited without signing in, in English and in Chinese. */
@SpringBootTest
@AutoConfigureMockMvc
class ReferenceBrowserTests {

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult page(String uri) {
        return page("en", uri);
    }

    private MvcTestResult page(String language, String uri) {
        return mvc.get().uri(uri).accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
    }

    @Test
    void overviewInEnglish() {
        MvcTestResult result = page("/reference");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("<h1>Reference data</h1>")
                .contains("Harmonized System 2022")
                .contains("European Central Bank, reused with attribution")
                .contains("aria-current=\"page\"");
    }

    @Test
    void overviewInChinese() {
        MvcTestResult result = page("zh-CN", "/reference");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("<h1>参考数据</h1>")
                .contains("协调制度 2022")
                .contains("lang=\"zh-CN\"");
    }

    @Test
    void everySectionRendersInBothLanguages() {
        for (String language : new String[] {"en", "zh-CN"}) {
            for (String uri : new String[] {"/reference/hs", "/reference/locations", "/reference/countries",
                    "/reference/currencies", "/reference/fx", "/reference/incoterms", "/reference/hs/II",
                    "/reference/hs/090111", "/reference/locations/DEHAM", "/reference/currencies?withdrawn=true"}) {
                MvcTestResult result = page(language, uri);
                assertThat(result).as(language + " " + uri).hasStatusOk();
                assertThat(result).as(language + " " + uri).bodyText().doesNotContain("??");
            }
        }
    }

    @Test
    void hsSearchListsMatchesWithLinks() {
        MvcTestResult result = page("/reference/hs?q=coffee");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("href=\"/reference/hs/0901\"")
                .contains("Coffee, whether or not roasted or decaffeinated")
                .contains("aria-live=\"polite\"");
    }

    @Test
    void hsBrowsingStartsWithTheSections() {
        assertThat(page("/reference/hs")).bodyText().contains("Section XVI").contains("href=\"/reference/hs/XVI\"");
        assertThat(page("zh-CN", "/reference/hs")).bodyText().contains("第 XVI 类");
    }

    @Test
    void hsEntryPageShowsItsPlaceInTheTree() {
        MvcTestResult result = page("zh-CN", "/reference/hs/0901");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("品目 0901")
                .contains("href=\"/reference/hs/09\"")
                .contains("href=\"/reference/hs/090111\"");
    }

    @Test
    void anUnknownHsCodeIsATranslatedNotFoundPage() {
        MvcTestResult result = page("zh-CN", "/reference/hs/0999");

        assertThat(result).hasStatus(404);
        assertThat(result).bodyText().contains("未找到");
    }

    @Test
    void whatWasTypedIsShownEscaped() {
        MvcTestResult result = page("/reference/hs?q=<script>alert(1)</script>");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page("/reference/locations?q=<img src=x onerror=alert(1)>")).bodyText()
                .doesNotContain("<img src=x")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void typeAheadAnswersWithTheResultsFragmentOnly() {
        MvcTestResult result = mvc.get().uri("/reference/hs/results?q=0901").header("HX-Request", "true").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).hasHeader("HX-Replace-Url", "/reference/hs?q=0901");
        assertThat(result).bodyText()
                .contains("href=\"/reference/hs/090111\"")
                .doesNotContain("<html")
                .doesNotContain("site-header");
    }

    @Test
    void locationSearchWithFunctionFilter() {
        MvcTestResult result = page("/reference/locations?q=hamburg&function=port");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("href=\"/reference/locations/DEHAM\"").contains("<td>Germany</td>");

        MvcTestResult fragment = mvc.get().uri("/reference/locations/results?q=hamburg&function=port&country=DE")
                .header("HX-Request", "true").exchange();
        assertThat(fragment).hasHeader("HX-Replace-Url", "/reference/locations?q=hamburg&function=port&country=DE");
        assertThat(fragment).bodyText().contains("DEHAM").contains("<li>Port</li>").contains("<li>Airport</li>");
    }

    @Test
    void badInputGetsATranslatedMessageNextToTheField() {
        MvcTestResult function = page("zh-CN", "/reference/locations?q=hamburg&function=ship");
        assertThat(function).hasStatus(400);
        assertThat(function).bodyText().contains("id=\"function-error\"").contains("未知的地点功能");

        MvcTestResult tooLong = page("/reference/hs/results?q=" + "x".repeat(101));
        assertThat(tooLong).hasStatus(400);
        assertThat(tooLong).bodyText().contains("The search text may be at most 100 characters long.");

        MvcTestResult cursor = page("/reference/hs?q=coffee&cursor=not-a-cursor!");
        assertThat(cursor).hasStatus(400);
        assertThat(cursor).bodyText().contains("The pagination cursor is invalid.");
    }

    @Test
    void pagesOfResultsLinkToTheNextOneKeepingTheSearch() {
        MvcTestResult result = page("/reference/locations?q=san&function=port");

        assertThat(result).bodyText().contains("rel=\"next\"").containsPattern(
                "href=\"/reference/locations\\?q=san&amp;function=port&amp;country=&amp;cursor=[A-Za-z0-9_-]+\"");
    }

    @Test
    void fxLookupSaysWhichDayItUsedInTheReadersLanguage() {
        MvcTestResult english = page("/reference/fx?from=USD&to=CNY&date=2024-03-16&amount=1000");
        assertThat(english).hasStatusOk();
        assertThat(english).bodyText()
                .contains("1 USD = 7.196107235 CNY")
                .contains("ECB reference rate of March 15, 2024.")
                .contains("There are no ECB reference rates for March 16, 2024")
                .contains("1,000.00 USD = 7,196.11 CNY");

        MvcTestResult chinese = page("zh-CN", "/reference/fx?from=USD&to=CNY&date=2024-03-16");
        assertThat(chinese).bodyText().contains("2024年3月15日的欧洲央行参考汇率。").contains("没有2024年3月16日的欧洲央行参考汇率");
    }

    @Test
    void fxLookupRefusesBadInputFieldByField() {
        MvcTestResult result = page("zh-CN", "/reference/fx?from=US&to=CNY&date=2024-02-30&amount=abc");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyText()
                .contains("id=\"from-error\"")
                .contains("必须是三位字母的 ISO 4217 货币代码")
                .contains("id=\"date-error\"")
                .contains("id=\"amount-error\"")
                .contains("aria-invalid=\"true\"")
                .doesNotContain("欧洲央行参考汇率。");

        MvcTestResult unknown = page("/reference/fx?from=XYZ&to=CNY");
        assertThat(unknown).hasStatus(400);
        assertThat(unknown).bodyText().contains("XYZ is not an ISO 4217 currency code.");
    }

    @Test
    void incotermsTableWithCitations() {
        MvcTestResult result = page("/reference/incoterms");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("id=\"incoterm-EXW\"").contains("id=\"incoterm-CIF\"")
                .contains("Seller, at least Institute Cargo Clauses (C)")
                .contains("Seller, at least Institute Cargo Clauses (A)")
                .contains("A7/B7")
                .contains("ICC Incoterms® 2020 (ICC Publication No. 723E)")
                .contains("Rules for sea and inland waterway transport");
        assertThat(page("zh-CN", "/reference/incoterms")).bodyText().contains("成本、保险费加运费").contains("A5/B5");
    }

    @Test
    void countriesSortedAndNamedInTheReadersLanguage() {
        assertThat(page("zh-CN", "/reference/countries?region=150")).bodyText().contains("德国").doesNotContain("中国");
        MvcTestResult unknown = page("/reference/countries?region=999");
        assertThat(unknown).hasStatus(400);
        assertThat(unknown).bodyText().contains("Unknown region");
    }
}
