package trade.caravan.reference.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The Incoterms guidance fragment the RFQ form loads with htmx, without signing in, in English and Chinese. */
@SpringBootTest
@AutoConfigureMockMvc
class GuidanceControllerTests {

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult fragment(String language, String query) {
        return mvc.get().uri("/reference/incoterms/guidance?" + query)
                .header("HX-Request", "true").header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
    }

    @Test
    void fobFromChinaToGermanyInEnglish() {
        MvcTestResult result = fragment("en", "rule=FOB&origin=CN&destination=DE");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .doesNotContain("<html")
                .doesNotContain("site-header")
                .doesNotContain("??")
                .contains("What FOB (Free on Board) means for this shipment")
                .contains("<th scope=\"col\">Cost paid by</th>")
                .contains("Main carriage (sea, air, rail or road freight)")
                .contains("Import clearance, duties and taxes")
                .contains("Handling and loading on the main carriage")
                .contains("the ICC advises FCA, CPT or CIP instead")
                .contains("Documents usually needed from CN to DE")
                .contains("Commercial invoice")
                .contains("Bill of lading")
                .contains("Certificate of origin")
                .contains("not legal advice")
                .doesNotContain("Insurance certificate");
    }

    @Test
    void cipInChineseNamesTheStagesPartiesAndTheChoiceOfTransportDocument() {
        MvcTestResult result = fragment("zh-CN", "rule=cip&origin=cn&destination=de");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .doesNotContain("??")
                .contains("CIP（运费和保险费付至）对本批货物意味着什么")
                .contains("<th scope=\"col\">费用承担方</th>")
                .contains("主运输（海运、空运、铁路或公路运费）")
                .contains("进口清关、关税及其他税费")
                .contains("<td>卖方</td>")
                .contains("<td>买方</td>")
                .contains("按运输方式，以下之一： 提单、航空运单或公路运单（CMR）")
                .contains("保险凭证")
                .contains("原产地证书")
                .contains("风险在装运时已转移给买方")
                .doesNotContain("FAS、FOB、CFR 和 CIF 适用于");
    }

    @Test
    void aDomesticLaneLeavesOutClearanceAndTheCertificateOfOrigin() {
        MvcTestResult result = fragment("en", "rule=DAP&origin=DE&destination=DE");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("Origin and destination are in the same country")
                .doesNotContain("Import clearance, duties and taxes")
                .doesNotContain("Certificate of origin");
    }

    @Test
    void missingMalformedOrUnknownCountriesGiveTheGuidanceWithoutLaneDocuments() {
        for (String query : new String[] {"rule=FOB", "rule=FOB&origin=CN&destination=", "rule=FOB&origin=China&destination=DE",
                "rule=FOB&origin=CN&destination=XX"}) {
            MvcTestResult result = fragment("en", query);
            assertThat(result).as(query).hasStatusOk();
            assertThat(result).as(query).bodyText()
                    .contains("Choose the countries of origin and destination")
                    .contains("Commercial invoice")
                    .doesNotContain("Certificate of origin");
        }
    }

    @Test
    void anFcaNamedPlaceElsewhereChangesWhoCarriesToTheTerminal() {
        assertThat(fragment("en", "rule=FCA&origin=CN&destination=DE&place=elsewhere")).bodyText()
                .contains("Shown for a named place away from the seller&#39;s premises");
        assertThat(fragment("en", "rule=FCA&origin=CN&destination=DE")).bodyText()
                .contains("Shown for a named place at the seller&#39;s premises");
    }

    @Test
    void anUnknownRuleIsRefusedWithATranslatedMessage() {
        MvcTestResult english = fragment("en", "rule=FOX&origin=CN&destination=DE");
        assertThat(english).hasStatus(400);
        assertThat(english).bodyText()
                .contains("role=\"alert\"")
                .contains("is not an Incoterms 2020 rule")
                .doesNotContain("<html");

        MvcTestResult chinese = fragment("zh-CN", "rule=<b>x</b>");
        assertThat(chinese).hasStatus(400);
        assertThat(chinese).bodyText().contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");

        assertThat(fragment("en", "origin=CN&destination=DE")).hasStatus(400);
        assertThat(fragment("en", "rule=FCA&place=harbour")).hasStatus(400);
    }
}
