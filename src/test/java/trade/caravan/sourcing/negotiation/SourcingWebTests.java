package trade.caravan.sourcing.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.helger.ubl23.UBL23Marshaller;

import trade.caravan.sourcing.TestTerms;
import trade.caravan.accounts.Role;
import trade.caravan.reference.Incoterm;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/** The sourcing pages and API as the two parties and an outsider use them. */
@IntegrationTest
class SourcingWebTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    TestClock clock;

    @Test
    void aBuyerSendsAnRfqThroughTheFormWithAFileAndTheSupplierQuotesThroughItsPage() throws Exception {
        var buyer = accounts.organization(Role.TRADER);
        var supplier = accounts.organization();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        MvcResult sent = mvc.perform(multipart("/sourcing/rfqs")
                        .file(new MockMultipartFile("files", "../../spec.pdf", "text/html", PDF))
                        .param("hsCode", "8516.71").param("title", "Electric kettles").param("description", "1.7 l")
                        .param("specifications[0].name", "Power").param("specifications[0].value", "2200 W")
                        .param("quantity", "1000").param("unit", "C62").param("targetUnitPrice", "12.00")
                        .param("currency", "USD").param("incoterm", "FOB").param("place", "cnszx")
                        .param("deliveryDate", today.plusDays(60).toString()).param("paymentTerms", "ESCROW")
                        .param("documents", "COMMERCIAL_INVOICE", "CERTIFICATE_OF_ORIGIN")
                        .param("replyDeadline", today.plusDays(10).toString()).param("audience", "DIRECT")
                        .param("suppliers", supplier.id().toString())
                        .with(csrf()).with(authentication(buyer.member(Role.TRADER).authentication())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/sourcing/rfqs/*"))
                .andReturn();
        String rfqPage = sent.getResponse().getRedirectedUrl();
        String html = mvc.perform(get(rfqPage).with(authentication(buyer.member(Role.TRADER).authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Electric kettles", "12.00", "CNSZX", "spec.pdf", supplier.name());
        String negotiation = html.replaceAll("(?s).*href=\"/sourcing/negotiations/([0-9a-f-]{36})\".*", "$1");
        String file = html.replaceAll("(?s).*href=\"/sourcing/files/([0-9a-f-]{36})\".*", "$1");

        // the supplier sees the request, its file and a quotation form prefilled from it
        mvc.perform(get("/sourcing/negotiations").with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Electric kettles")))
                .andExpect(content().string(containsString("class=\"badge\"")));
        mvc.perform(get("/sourcing/negotiations/" + negotiation).with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("waiting for a quotation")))
                .andExpect(content().string(containsString("Make your quotation")));
        mvc.perform(get("/sourcing/files/" + file).with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", AttachmentsController.SANDBOX))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", not(containsString(".."))));

        mvc.perform(post("/sourcing/negotiations/" + negotiation + "/offers")
                        .param("lines[0].description", "Electric kettle 1.7 l").param("lines[0].hsCode", "851671")
                        .param("lines[0].quantity", "1000").param("lines[0].unit", "C62")
                        .param("lines[0].tiers[0].minQuantity", "1000").param("lines[0].tiers[0].unitPrice", "12.40")
                        .param("lines[0].tiers[1].minQuantity", "2000").param("lines[0].tiers[1].unitPrice", "11.90")
                        .param("currency", "USD").param("incoterm", "FOB").param("place", "CNSZX")
                        .param("leadTimeDays", "30").param("validUntil", today.plusDays(14).toString())
                        .param("paymentTerms", "ESCROW").param("documents", "COMMERCIAL_INVOICE")
                        .with(csrf()).with(authentication(supplier.owner().authentication())))
                .andExpect(status().is3xxRedirection());
        // a bad counter-offer is refused field by field, in the reader's language
        mvc.perform(post("/sourcing/negotiations/" + negotiation + "/offers")
                        .param("lines[0].description", "Electric kettle").param("lines[0].hsCode", "851671")
                        .param("lines[0].quantity", "1000").param("lines[0].unit", "C62")
                        .param("lines[0].tiers[0].unitPrice", "11.905")
                        .param("currency", "USD").param("incoterm", "CIF").param("place", "DEHAM")
                        .param("leadTimeDays", "30").param("validUntil", today.minusDays(1).toString())
                        .with(csrf()).with(authentication(buyer.member(Role.TRADER).authentication()))
                        .locale(Locale.SIMPLIFIED_CHINESE).header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("该币种最多 2 位小数")));
        mvc.perform(post("/sourcing/negotiations/" + negotiation + "/offers")
                        .param("lines[0].description", "Electric kettle 1.7 l").param("lines[0].hsCode", "851671")
                        .param("lines[0].quantity", "1000").param("lines[0].unit", "C62")
                        .param("lines[0].tiers[0].unitPrice", "11.90")
                        .param("currency", "USD").param("incoterm", "CIF").param("place", "DEHAM")
                        .param("leadTimeDays", "30").param("validUntil", today.plusDays(7).toString())
                        .with(csrf()).with(authentication(buyer.member(Role.TRADER).authentication())))
                .andExpect(status().is3xxRedirection());
        String supplierView = mvc.perform(get("/sourcing/negotiations/" + negotiation + "/panel")
                        .with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(supplierView).contains("Changes from offer 1", "<del>12.40 USD</del>", "<ins>11.90 USD</ins>",
                "<del>FOB</del>", "<ins>CIF</ins>", "Accept offer 2");
        // a page that catches up after its live stream (re)opens gets the panel only if something happened
        long shown = negotiating.view(supplier.owner().principal(), NegotiationId.of(negotiation), Locale.ENGLISH).lastSeq();
        assertThat(supplierView).contains("/panel?since=" + shown + "\"");
        mvc.perform(get("/sourcing/negotiations/" + negotiation + "/panel").param("since", Long.toString(shown))
                        .with(authentication(supplier.owner().authentication())))
                .andExpect(status().isNoContent()).andExpect(content().string(""));
        mvc.perform(get("/sourcing/negotiations/" + negotiation + "/panel").param("since", Long.toString(shown - 1))
                        .with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Accept offer 2")));
        mvc.perform(post("/sourcing/negotiations/" + negotiation + "/accept").param("offer", "2")
                        .with(csrf()).with(authentication(supplier.owner().authentication())))
                .andExpect(status().is3xxRedirection());
        assertThat(negotiating.view(buyer.owner().principal(), NegotiationId.of(negotiation), Locale.ENGLISH).state())
                .isEqualTo(NegotiationState.ACCEPTED);
    }

    @Test
    void filesFollowTheCatalogUploadRules() throws Exception {
        var pair = pair();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/negotiations/" + pair.id() + "/messages")
                        .file(new MockMultipartFile("files", "invoice.pdf", "application/pdf", html))
                        .param("body", "see attached").with(csrf())
                        .with(authentication(pair.buyer().owner().authentication())))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(multipart("/api/v1/negotiations/" + pair.id() + "/messages")
                        .file(new MockMultipartFile("files", "../../etc/passwd.pdf", "text/plain", PDF))
                        .param("body", "the specification").with(csrf())
                        .with(authentication(pair.buyer().owner().authentication())))
                .andExpect(status().isNoContent());
        var files = negotiating.view(pair.supplier().owner().principal(), pair.id(), Locale.ENGLISH).timeline().stream()
                .flatMap(e -> e.attachments().stream()).toList();
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.contentType()).isEqualTo("application/pdf");
            assertThat(f.fileName()).doesNotContain("/").doesNotContain("..").endsWith(".pdf");
        });
    }

    @Test
    void messagesAreShownAsTextNeverAsMarkup() throws Exception {
        var pair = pair();
        negotiating.message(pair.buyer().owner().principal(), pair.id(),
                "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\"", List.of());
        mvc.perform(get("/sourcing/negotiations/" + pair.id()).with(authentication(pair.supplier().owner().authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void anOutsiderFindsNothingOfANegotiationByPageApiLiveChannelFileOrUbl() throws Exception {
        var pair = pair();
        negotiating.offer(pair.supplier().owner().principal(), pair.id(), TestTerms.offer(clock, 1240, Incoterm.FOB, "CNSZX", 14));
        var outsider = accounts.organization(Role.TRADER).member(Role.TRADER).authentication();
        String id = pair.id().toString();
        UUID rfq = negotiating.view(pair.buyer().owner().principal(), pair.id(), Locale.ENGLISH).rfq().id().value();
        for (String path : List.of("/sourcing/negotiations/" + id, "/sourcing/negotiations/" + id + "/panel",
                "/api/v1/negotiations/" + id, "/sourcing/negotiations/" + id + "/live", "/api/v1/negotiations/" + id + "/live",
                "/sourcing/negotiations/" + id + "/offers/1/quotation.xml", "/api/v1/negotiations/" + id + "/offers/1/ubl",
                "/sourcing/rfqs/" + rfq, "/api/v1/rfqs/" + rfq, "/api/v1/rfqs/" + rfq + "/ubl")) {
            mvc.perform(get(path).with(authentication(outsider))).andExpect(status().isNotFound());
        }
        for (String action : List.of("messages", "accept", "decline", "withdraw")) {
            mvc.perform(post("/api/v1/negotiations/" + id + "/" + action).with(csrf()).with(authentication(outsider))
                            .contentType(MediaType.APPLICATION_JSON).content(action.equals("accept") ? "{\"offer\":1}"
                                    : action.equals("messages") ? "{\"body\":\"hi\"}" : "{}"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/negotiations").with(authentication(outsider)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(id))));
        // the parties still can
        mvc.perform(get("/api/v1/negotiations/" + id).with(authentication(pair.buyer().owner().authentication())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("QUOTED"))
                .andExpect(jsonPath("$.actions").isArray());
    }

    @Test
    void theRfqAndEachOfferExportAsSchemaValidUbl() throws Exception {
        var pair = pair();
        negotiating.offer(pair.supplier().owner().principal(), pair.id(), TestTerms.offer(clock, 1240, Incoterm.FOB, "CNSZX", 14));
        var view = negotiating.view(pair.buyer().owner().principal(), pair.id(), Locale.ENGLISH);
        byte[] rfq = mvc.perform(get("/api/v1/rfqs/" + view.rfq().id() + "/ubl")
                        .with(authentication(pair.buyer().owner().authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var request = UBL23Marshaller.requestForQuotation().setUseSchema(true).read(new ByteArrayInputStream(rfq));
        assertThat(request).isNotNull();
        assertThat(request.getIDValue()).isEqualTo(view.rfq().reference());
        byte[] quotation = mvc.perform(get("/sourcing/negotiations/" + pair.id() + "/offers/1/quotation.xml")
                        .with(authentication(pair.supplier().owner().authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var quote = UBL23Marshaller.quotation().setUseSchema(true).read(new ByteArrayInputStream(quotation));
        assertThat(quote).isNotNull();
        assertThat(quote.getIDValue()).isEqualTo(view.rfq().reference() + "-Q1");
        mvc.perform(get("/api/v1/negotiations/" + pair.id() + "/offers/2/ubl")
                .with(authentication(pair.buyer().owner().authentication()))).andExpect(status().isNotFound());
    }

    @Test
    void anErpDrivesANegotiationOverTheApiWithIdempotentPosts() throws Exception {
        var pair = pair();
        String offer = """
                {"lines":[{"description":"Electric kettle","hsCode":"851671","quantity":1000,"unit":"C62",
                  "tiers":[{"minQuantity":1000,"unitPriceMinor":1240}]}],
                 "currency":"USD","incoterm":"FOB","place":"CNSZX","leadTimeDays":30,"validUntil":"%s"}"""
                .formatted(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(10));
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/v1/negotiations/" + pair.id() + "/offers").header("Idempotency-Key", "quote-1")
                            .contentType(MediaType.APPLICATION_JSON).content(offer)
                            .with(csrf()).with(authentication(pair.supplier().owner().authentication())))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.number").value(1));
        }
        mvc.perform(post("/api/v1/negotiations/" + pair.id() + "/accept").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"offer\":1}").with(csrf()).with(authentication(pair.supplier().owner().authentication())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("You made this offer; only the other side can accept it."));
        mvc.perform(post("/api/v1/negotiations/" + pair.id() + "/accept").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"offer\":1}").header("Idempotency-Key", "accept-1")
                        .with(csrf()).with(authentication(pair.buyer().owner().authentication())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/negotiations/" + pair.id()).with(authentication(pair.supplier().owner().authentication())))
                .andExpect(jsonPath("$.state").value("ACCEPTED")).andExpect(jsonPath("$.offerCount").value(1))
                .andExpect(jsonPath("$.acceptedOffer").value(1));
    }

    @Test
    void tooManyMessagesAMinuteAreRefusedWithATranslatedReason() throws Exception {
        var pair = pair();
        clock.freeze();
        try {
            for (int i = 0; i < 30; i++) {
                negotiating.message(pair.buyer().owner().principal(), pair.id(), "message " + i, List.of());
            }
            mvc.perform(post("/api/v1/negotiations/" + pair.id() + "/messages").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"one too many\"}").header("Accept-Language", "zh-CN")
                            .with(csrf()).with(authentication(pair.buyer().owner().authentication())))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.detail", containsString("您在过去一分钟内已发送 30 条消息或报价")));
        } finally {
            clock.reset();
        }
    }

    record Pair(TestAccounts.Organization buyer, TestAccounts.Organization supplier, NegotiationId id) {
    }

    private Pair pair() {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        return new Pair(buyer, supplier, id);
    }
}
