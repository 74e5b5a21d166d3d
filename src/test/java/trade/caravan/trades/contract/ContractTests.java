package trade.caravan.trades.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.helger.ubl23.UBL23Marshaller;

import oasis.names.specification.ubl.schema.xsd.order_23.OrderType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.accounts.Role;
import trade.caravan.sourcing.negotiation.Negotiating;
import trade.caravan.sourcing.negotiation.Requesting;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.PdfA;
import trade.caravan.support.UblSchemas;
import trade.caravan.trades.TestTrades;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * The sales contract of a trade: PDF/A-3b by veraPDF, every clause in English and Chinese, the
 * parties, lines and total from the agreed terms, the terms attached as JSON that says the same;
 * only the trade's two organizations can download it.
 */
@IntegrationTest
class ContractTests {

    @Autowired
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void theContractIsABilingualPdfA3WithTheAgreedTermsInside() throws Exception {
        var buyer = accounts.organization(Role.TRADER);
        var supplier = accounts.organization();
        UUID trade = tradeOf(buyer, supplier);

        byte[] pdf = mvc.perform(get("/trades/" + trade + "/contract.pdf")
                        .with(authentication(buyer.member(Role.TRADER).authentication())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();

        // kept for whoever wants to look at it (as the journeys keep their screenshots)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "contracts"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "contracts", "contract-sample.pdf"), pdf);
        assertThat(PdfA.violationsOf3b(pdf)).isEmpty();
        String reference = jdbc.sql("select reference from trades.trades where id = ?").param(trade).query(String.class).single();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Sales contract", "销售合同", reference, buyer.name(), supplier.name(),
                    "Electric kettle", "851671", "12.40 USD", "FOB CNSZX", "Incoterms® 2020", "10115 Berlin",
                    "Governing law", "适用法律", "United Nations Convention on Contracts for the International Sale of Goods",
                    "托管", "Commercial invoice", "商业发票", "buyer's");
            assertThat(text).doesNotContain("''", "??").doesNotContainPattern("(contract|trade-document)\\.[a-z]");
            var files = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            JsonNode terms = JsonMapper.builder().build().readTree(files.get("terms.json").getEmbeddedFile().toByteArray());
            assertThat(terms.get("trade").asString()).isEqualTo(reference);
            assertThat(terms.get("currency").asString()).isEqualTo("USD");
            assertThat(terms.get("lines").get(0).get("unitPrice").asString()).isEqualTo("12.40");
            assertThat(terms.get("incoterms").get("rule").asString()).isEqualTo("FOB");
            assertThat(terms.get("buyer").get("id").asString()).isEqualTo(buyer.id().toString());
            assertThat(text).contains(terms.get("total").asString().replaceAll("(\\d)(?=(\\d{3})+\\.)", "$1,") + " USD");
            // the agreed lines as a UBL 2.3 Order, valid by the OASIS schema compiled on its own
            byte[] order = files.get("order.xml").getEmbeddedFile().toByteArray();
            assertThat(UblSchemas.errors(order, UblSchemas.schema(UBL23Marshaller.getAllOrderXSDs()))).isEmpty();
            OrderType ubl = UBL23Marshaller.order().read(order);
            assertThat(ubl.getIDValue()).isEqualTo(reference);
            assertThat(ubl.getOrderTypeCodeValue()).isEqualTo("220");
            assertThat(ubl.getDocumentCurrencyCodeValue()).isEqualTo("USD");
            assertThat(ubl.getOrderLine()).hasSize(1);
            assertThat(ubl.getOrderLineAtIndex(0).getLineItem().getPrice().getPriceAmountValue())
                    .isEqualByComparingTo("12.40");
            assertThat(ubl.getDeliveryTermsAtIndex(0).getIDValue()).isEqualTo("FOB");
            assertThat(ubl.getBuyerCustomerParty().getParty().getPartyLegalEntityAtIndex(0).getRegistrationNameValue())
                    .isEqualTo(buyer.name());
            assertThat(files).containsOnlyKeys("order.xml", "terms.json");
        }
        mvc.perform(get("/api/v1/trades/" + trade + "/contract").with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void theLawChosenAtAcceptanceGovernsTheContract() throws Exception {
        var buyer = accounts.organization(Role.TRADER);
        var supplier = accounts.organization();
        var negotiation = TestTrades.quoted(requesting, negotiating, clock, buyer, supplier);
        mvc.perform(post("/sourcing/negotiations/" + negotiation.value() + "/accept").with(csrf())
                        .with(authentication(buyer.member(Role.TRADER).authentication()))
                        .param("offer", "1").param("governingLaw", "BUYER_LAW"))
                .andExpect(status().is3xxRedirection());
        UUID trade = TestTrades.awaitTrade(jdbc, negotiation).value();

        byte[] pdf = mvc.perform(get("/trades/" + trade + "/contract.pdf").with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("governed by the law of the buyer's country", "does not apply", "适用买方所在国法律",
                    "UNCITRAL Arbitration Rules").doesNotContain("law of the seller's country");
            JsonNode terms = JsonMapper.builder().build().readTree(document.getDocumentCatalog().getNames()
                    .getEmbeddedFiles().getNames().get("terms.json").getEmbeddedFile().toByteArray());
            assertThat(terms.get("governingLaw").asString()).isEqualTo("BUYER_LAW");
        }
        // the trade room says so too, to both sides
        mvc.perform(get("/trades/" + trade).with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The buyer&#39;s country&#39;s law, without the CISG")));
    }

    @Test
    void nobodyElseGetsTheContract() throws Exception {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        var outsider = accounts.organization();
        UUID trade = tradeOf(buyer, supplier);
        for (String path : List.of("/trades/" + trade + "/contract.pdf", "/api/v1/trades/" + trade + "/contract")) {
            mvc.perform(get(path).with(authentication(outsider.owner().authentication())))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/trades/" + trade + "/contract")).andExpect(status().isUnauthorized());
    }

    private UUID tradeOf(TestAccounts.Organization buyer, TestAccounts.Organization supplier) throws InterruptedException {
        return TestTrades.awaitTrade(jdbc, TestTrades.accepted(requesting, negotiating, clock, buyer, supplier)).value();
    }
}
