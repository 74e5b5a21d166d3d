package trade.caravan.sourcing.ubl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import javax.xml.validation.Schema;

import org.junit.jupiter.api.Test;

import com.helger.diagnostics.error.list.ErrorList;
import com.helger.ubl23.UBL23Marshaller;

import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.ItemPropertyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.LineItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.NoteType;
import oasis.names.specification.ubl.schema.xsd.quotation_23.QuotationType;
import oasis.names.specification.ubl.schema.xsd.requestforquotation_23.RequestForQuotationType;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.TradeRole;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.TradeDocument;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.PaymentTerms;
import trade.caravan.sourcing.PriceTier;
import trade.caravan.sourcing.RfqId;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.Specification;
import trade.caravan.support.UblSchemas;
import trade.caravan.sourcing.TermSheet;

/**
 * The exports are OASIS UBL 2.3 documents: each one is checked here against the bundled OASIS XSD
 * by the JDK's own validator (not the exporter's marshaller), and read back with ph-ubl to compare
 * the values.
 */
class UblExportsTests {

    /** ISO 4217 minor units of the currencies used here, as the reference data has them. */
    private static final Map<String, Integer> MINOR_UNITS = Map.of("USD", 2, "EUR", 2, "JPY", 0, "BHD", 3, "CNY", 2);

    private static final Schema RFQ_SCHEMA = UblSchemas.schema(UBL23Marshaller.getAllRequestForQuotationXSDs());
    private static final Schema QUOTATION_SCHEMA = UblSchemas.schema(UBL23Marshaller.getAllQuotationXSDs());

    private static final Instant ISSUED = Instant.parse("2026-03-02T09:15:30.123Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-16T23:00:00Z");
    private static final RfqId RFQ = new RfqId(UUID.fromString("5f1c2a9e-7a59-4b62-9a51-0d5c1e6f3a10"));
    private static final NegotiationId NEGOTIATION = new NegotiationId(UUID.fromString("0b6e8d7c-3a41-4e1f-8f2d-6c9b5a4e3d21"));
    private static final String REFERENCE = "RFQ-2026-0042";

    private static final OrganizationSummary BUYER = new OrganizationSummary(
            new OrganizationId(UUID.fromString("11111111-2222-4333-8444-555555555555")), "Nordic Home Goods AB",
            new CountryCode("SE"), TradeRole.IMPORTER, "https://nordichome.example");
    private static final OrganizationSummary SUPPLIER = new OrganizationSummary(
            new OrganizationId(UUID.fromString("66666666-7777-4888-9999-000000000000")),
            "Shenzhen Bright Appliances Co., Ltd.", new CountryCode("CN"), TradeRole.EXPORTER, null);
    private static final OrganizationSummary OTHER_SUPPLIER = new OrganizationSummary(
            new OrganizationId(UUID.fromString("77777777-7777-4888-9999-000000000000")), "Ningbo Kitchenware Ltd.",
            new CountryCode("CN"), TradeRole.EXPORTER, null);

    private final UblExports exports = new UblExports(code -> MINOR_UNITS.containsKey(code.value())
            ? OptionalInt.of(MINOR_UNITS.get(code.value())) : OptionalInt.empty());

    private static RfqTerms kettles(String title, String description, String currency, Long targetUnitPriceMinor) {
        return new RfqTerms(null, HsCode.of("8516.71"), title, description,
                List.of(new Specification("Voltage", "220–240 V"), new Specification("Power", "2200 W")),
                new BigDecimal("1000"), UnitOfMeasure.C62, targetUnitPriceMinor, CurrencyCode.of(currency), Incoterm.FOB,
                UnLocode.of("CNSZX"), LocalDate.of(2026, 5, 29), PaymentTerms.ESCROW,
                EnumSet.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST,
                        TradeDocument.CERTIFICATE_OF_ORIGIN, TradeDocument.BILL_OF_LADING,
                        TradeDocument.INSURANCE_CERTIFICATE),
                DEADLINE);
    }

    private static RfqTerms kettles() {
        return kettles("Electric kettle 1.7 l, stainless steel", "Cordless, auto shut-off, CE and RoHS.", "USD", 1240L);
    }

    private static TermSheet offer(String currency, long firstTierMinor, long secondTierMinor, String packaging,
            String notes) {
        return new TermSheet(
                List.of(new OfferLine("Electric kettle 1.7 l, stainless steel", null, HsCode.of("851671"),
                        new BigDecimal("1000"), UnitOfMeasure.C62,
                        List.of(new PriceTier(new BigDecimal("1000"), firstTierMinor),
                                new PriceTier(new BigDecimal("2000"), secondTierMinor)))),
                CurrencyCode.of(currency), Incoterm.FOB, UnLocode.of("CNSZX"), 30, packaging, LocalDate.of(2026, 3, 31),
                PaymentTerms.ESCROW, Set.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST), notes);
    }

    private static TermSheet offer() {
        return offer("USD", 1240, 1190, "6 per export carton, 400 × 300 × 250 mm", "Samples ship within 5 days.");
    }

    @Test
    void theRequestForQuotationIsValidUbl23AndCarriesTheTerms() {
        byte[] xml = exports.requestForQuotation(RFQ, REFERENCE, ISSUED, kettles(), BUYER, List.of(SUPPLIER));

        assertThat(UblSchemas.errors(xml, RFQ_SCHEMA)).isEmpty();
        RequestForQuotationType rfq = readRfq(xml);
        assertThat(rfq.getUBLVersionIDValue()).isEqualTo("2.3");
        assertThat(rfq.getIDValue()).isEqualTo(REFERENCE);
        assertThat(rfq.getUUIDValue()).isEqualTo(RFQ.value().toString());
        assertThat(rfq.getIssueDateValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(rfq.getIssueTimeValue().toLocalTime()).isEqualTo(LocalTime.of(9, 15, 30));
        assertThat(rfq.getSubmissionDueDateValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(rfq.getPricingCurrencyCodeValue()).isEqualTo("USD");
        assertThat(notes(rfq.getNote())).anySatisfy(note -> assertThat(note).contains("2026-03-16T23:00:00Z"))
                .anySatisfy(note -> assertThat(note).startsWith("Payment terms: escrow"));

        assertParty(rfq.getBuyerCustomerParty().getParty(), "Nordic Home Goods AB", "SE");
        assertThat(rfq.getBuyerCustomerParty().getParty().getWebsiteURIValue()).isEqualTo("https://nordichome.example");
        assertParty(rfq.getSellerSupplierParty().getParty(), "Shenzhen Bright Appliances Co., Ltd.", "CN");

        var delivery = rfq.getDeliveryAtIndex(0);
        assertThat(delivery.getRequestedDeliveryPeriod().getEndDateValueLocal()).isEqualTo(LocalDate.of(2026, 5, 29));
        assertThat(delivery.getDeliveryLocation().getIDValue()).isEqualTo("CNSZX");
        assertThat(delivery.getDeliveryLocation().getID().getSchemeID()).isEqualTo("UN/LOCODE");
        var deliveryTerms = rfq.getDeliveryTermsAtIndex(0);
        assertThat(deliveryTerms.getIDValue()).isEqualTo("FOB");
        assertThat(deliveryTerms.getID().getSchemeVersionID()).isEqualTo("2020");
        assertThat(deliveryTerms.getSpecialTermsAtIndex(0).getValue()).isEqualTo("FOB CNSZX Incoterms® 2020");
        assertThat(deliveryTerms.getDeliveryLocation().getIDValue()).isEqualTo("CNSZX");

        assertThat(rfq.getAdditionalDocumentReference()).extracting(DocumentReferenceType::getIDValue)
                .containsExactly("COMMERCIAL_INVOICE", "PACKING_LIST", "CERTIFICATE_OF_ORIGIN", "BILL_OF_LADING",
                        "INSURANCE_CERTIFICATE");
        assertThat(rfq.getAdditionalDocumentReference()).extracting(DocumentReferenceType::getDocumentTypeCodeValue)
                .containsExactly("380", "271", "861", "705", null);

        assertThat(rfq.getRequestForQuotationLine()).hasSize(1);
        LineItemType line = rfq.getRequestForQuotationLineAtIndex(0).getLineItem();
        assertThat(line.getIDValue()).isEqualTo("1");
        assertThat(line.getQuantity().getValue()).isEqualByComparingTo("1000");
        assertThat(line.getQuantity().getUnitCode()).isEqualTo("C62");
        assertThat(line.getPrice().getPriceAmount().getCurrencyID()).isEqualTo("USD");
        assertThat(line.getPrice().getPriceAmountValue().toPlainString()).isEqualTo("12.40");
        assertThat(line.getItem().getNameValue()).isEqualTo("Electric kettle 1.7 l, stainless steel");
        assertThat(line.getItem().getDescriptionAtIndex(0).getValue()).isEqualTo("Cordless, auto shut-off, CE and RoHS.");
        var classification = line.getItem().getCommodityClassificationAtIndex(0).getItemClassificationCode();
        assertThat(classification.getValue()).isEqualTo("851671");
        assertThat(classification.getListID()).isEqualTo("HS");
        assertThat(line.getItem().getAdditionalItemProperty()).extracting(ItemPropertyType::getNameValue,
                ItemPropertyType::getValueValue).containsExactly(org.assertj.core.groups.Tuple.tuple("Voltage", "220–240 V"),
                org.assertj.core.groups.Tuple.tuple("Power", "2200 W"));

        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"")
                .contains("unitCode=\"C62\">1000<", "currencyID=\"USD\">12.40<", "listID=\"HS\">851671<");
    }

    @Test
    void aRequestPublishedToManySuppliersNamesNone() {
        byte[] published = exports.requestForQuotation(RFQ, REFERENCE, ISSUED, kettles(), BUYER,
                List.of(SUPPLIER, OTHER_SUPPLIER));
        byte[] withoutTarget = exports.requestForQuotation(RFQ, REFERENCE, ISSUED,
                kettles("Kettle", "", "USD", null), BUYER, List.of());

        assertThat(UblSchemas.errors(published, RFQ_SCHEMA)).isEmpty();
        assertThat(UblSchemas.errors(withoutTarget, RFQ_SCHEMA)).isEmpty();
        // UBL 2.3 makes SellerSupplierParty mandatory; the open RFQ has it without a Party
        SupplierPartyType seller = readRfq(published).getSellerSupplierParty();
        assertThat(seller).isNotNull();
        assertThat(seller.getParty()).isNull();
        assertThat(readRfq(withoutTarget).getRequestForQuotationLineAtIndex(0).getLineItem().getPrice()).isNull();
    }

    @Test
    void theQuotationIsValidUbl23AndCarriesTheOffer() {
        byte[] xml = exports.quotation(NEGOTIATION, REFERENCE, 2, ISSUED, offer(), BUYER, SUPPLIER);

        assertThat(UblSchemas.errors(xml, QUOTATION_SCHEMA)).isEmpty();
        QuotationType quotation = readQuotation(xml);
        assertThat(quotation.getUBLVersionIDValue()).isEqualTo("2.3");
        assertThat(quotation.getIDValue()).isEqualTo("RFQ-2026-0042-Q2");
        assertThat(quotation.getUUIDValue()).isEqualTo(readQuotation(
                exports.quotation(NEGOTIATION, REFERENCE, 2, ISSUED, offer(), BUYER, SUPPLIER)).getUUIDValue())
                .isNotEqualTo(readQuotation(exports.quotation(NEGOTIATION, REFERENCE, 3, ISSUED, offer(), BUYER, SUPPLIER))
                        .getUUIDValue());
        assertThat(quotation.getIssueDateValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(quotation.getValidityPeriod().getEndDateValueLocal()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(quotation.getRequestForQuotationDocumentReference().getIDValue()).isEqualTo(REFERENCE);
        assertParty(quotation.getSellerSupplierParty().getParty(), "Shenzhen Bright Appliances Co., Ltd.", "CN");
        assertParty(quotation.getBuyerCustomerParty().getParty(), "Nordic Home Goods AB", "SE");
        assertThat(quotation.getDeliveryTerms().getIDValue()).isEqualTo("FOB");
        assertThat(quotation.getDeliveryTerms().getDeliveryLocation().getIDValue()).isEqualTo("CNSZX");
        var leadTime = quotation.getDeliveryAtIndex(0).getPromisedDeliveryPeriod().getDurationMeasure();
        assertThat(leadTime.getValue()).isEqualByComparingTo("30");
        assertThat(leadTime.getUnitCode()).isEqualTo("DAY");
        assertThat(quotation.getTransactionConditions().getIDValue()).isEqualTo("ESCROW");
        assertThat(notes(quotation.getNote())).containsExactly("Packaging: 6 per export carton, 400 × 300 × 250 mm",
                "Samples ship within 5 days.");
        assertThat(quotation.getAdditionalDocumentReference()).extracting(DocumentReferenceType::getDocumentTypeCodeValue)
                .containsExactly("380", "271");

        LineItemType line = quotation.getQuotationLineAtIndex(0).getLineItem();
        assertThat(line.getQuantity().getValue()).isEqualByComparingTo("1000");
        assertThat(line.getQuantity().getUnitCode()).isEqualTo("C62");
        assertThat(line.getPrice().getPriceAmountValue().toPlainString()).isEqualTo("12.40");
        assertThat(line.getPrice().getPriceAmount().getCurrencyID()).isEqualTo("USD");
        assertThat(line.getLineExtensionAmountValue().toPlainString()).isEqualTo("12400.00");
        assertThat(line.getItem().getCommodityClassificationAtIndex(0).getItemClassificationCodeValue()).isEqualTo("851671");
        // the second tier is an alternative: from 2000 units at 11.90, outside the quoted total
        List<LineItemType> alternatives = quotation.getQuotationLineAtIndex(0).getAlternativeLineItem();
        assertThat(alternatives).hasSize(1);
        assertThat(alternatives.getFirst().getMinimumQuantity().getValue()).isEqualByComparingTo("2000");
        assertThat(alternatives.getFirst().getMinimumQuantity().getUnitCode()).isEqualTo("C62");
        assertThat(alternatives.getFirst().getPrice().getPriceAmountValue().toPlainString()).isEqualTo("11.90");
        assertThat(alternatives.getFirst().getLineExtensionAmountValue().toPlainString()).isEqualTo("23800.00");

        var total = quotation.getQuotedMonetaryTotal();
        assertThat(total.getLineExtensionAmountValue().toPlainString()).isEqualTo("12400.00");
        assertThat(total.getPayableAmountValue().toPlainString()).isEqualTo("12400.00");
        assertThat(total.getPayableAmount().getCurrencyID()).isEqualTo("USD");
    }

    @Test
    void amountsHaveTheMinorDigitsOfTheirCurrency() {
        byte[] yen = exports.quotation(NEGOTIATION, REFERENCE, 1, ISSUED, offer("JPY", 1850, 1790, null, null), BUYER,
                SUPPLIER);
        byte[] dinar = exports.quotation(NEGOTIATION, REFERENCE, 1, ISSUED, offer("BHD", 4125, 3990, null, null), BUYER,
                SUPPLIER);
        byte[] dinarRfq = exports.requestForQuotation(RFQ, REFERENCE, ISSUED,
                kettles("Kettle", "Steel", "BHD", 4125L), BUYER, List.of(SUPPLIER));

        assertThat(UblSchemas.errors(yen, QUOTATION_SCHEMA)).isEmpty();
        assertThat(UblSchemas.errors(dinar, QUOTATION_SCHEMA)).isEmpty();
        assertThat(UblSchemas.errors(dinarRfq, RFQ_SCHEMA)).isEmpty();
        assertThat(new String(yen, StandardCharsets.UTF_8)).contains("currencyID=\"JPY\">1850<",
                "currencyID=\"JPY\">1850000<", "currencyID=\"JPY\">1790<").doesNotContain("1850.");
        assertThat(readQuotation(yen).getQuotedMonetaryTotal().getPayableAmountValue().toPlainString()).isEqualTo("1850000");
        assertThat(new String(dinar, StandardCharsets.UTF_8)).contains("currencyID=\"BHD\">4.125<",
                "currencyID=\"BHD\">4125.000<", "currencyID=\"BHD\">3.990<");
        assertThat(readQuotation(dinar).getQuotedMonetaryTotal().getPayableAmountValue().toPlainString()).isEqualTo("4125.000");
        assertThat(new String(dinarRfq, StandardCharsets.UTF_8)).contains("currencyID=\"BHD\">4.125<");
        assertThat(notes(readQuotation(yen).getNote())).isEmpty();
    }

    @Test
    void userTextIsEscapedAndRoundTrips() {
        String title = "<script>alert('x')</script> & \"kettles\" 'steel' 电热水壶 1.7 升";
        String description = "不锈钢，2200 瓦。 a < b && c > d ]]> <!-- not a comment -->";
        String packaging = "<b>6</b> per carton & \"double\" wall 双层纸箱";
        String notes = "Ship via 深圳 (CNSZX) — '<script>&\"'";
        var buyer = new OrganizationSummary(BUYER.id(), "Smith & Sons <Trading> \"Ltd\"", BUYER.country(),
                BUYER.tradeRole(), "https://example.com/?a=1&b=<2>");

        byte[] rfqXml = exports.requestForQuotation(RFQ, REFERENCE, ISSUED, kettles(title, description, "USD", 1240L),
                buyer, List.of(SUPPLIER));
        byte[] quotationXml = exports.quotation(NEGOTIATION, REFERENCE, 1, ISSUED,
                offer("USD", 1240, 1190, packaging, notes), buyer, SUPPLIER);

        assertThat(UblSchemas.errors(rfqXml, RFQ_SCHEMA)).isEmpty();
        assertThat(UblSchemas.errors(quotationXml, QUOTATION_SCHEMA)).isEmpty();
        String rfqText = new String(rfqXml, StandardCharsets.UTF_8);
        assertThat(rfqText).doesNotContain("<script>", "<Trading>", "<!-- not").contains("&lt;script&gt;", "电热水壶");
        assertThat(new String(quotationXml, StandardCharsets.UTF_8)).doesNotContain("<b>", "<script>");

        RequestForQuotationType rfq = readRfq(rfqXml);
        assertThat(rfq.getRequestForQuotationLineAtIndex(0).getLineItem().getItem().getNameValue()).isEqualTo(title);
        assertThat(rfq.getRequestForQuotationLineAtIndex(0).getLineItem().getItem().getDescriptionAtIndex(0).getValue())
                .isEqualTo(description);
        assertThat(rfq.getBuyerCustomerParty().getParty().getPartyNameAtIndex(0).getNameValue())
                .isEqualTo("Smith & Sons <Trading> \"Ltd\"");
        assertThat(rfq.getBuyerCustomerParty().getParty().getWebsiteURIValue()).isEqualTo("https://example.com/?a=1&b=<2>");
        QuotationType quotation = readQuotation(quotationXml);
        assertThat(notes(quotation.getNote())).containsExactly("Packaging: " + packaging, notes);
    }

    @Test
    void theSchemaRejectsABrokenDocument() {
        // the exporter's own check: SellerSupplierParty (mandatory) missing, IssueTime (mandatory) missing
        var broken = new RequestForQuotationType();
        broken.setUBLVersionID("2.3");
        broken.setID("RFQ-BROKEN");
        broken.setIssueDate(LocalDate.of(2026, 3, 2));
        var line = new oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.RequestForQuotationLineType();
        var item = new LineItemType();
        item.setID("1");
        item.setItem(new oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.ItemType());
        line.setLineItem(item);
        broken.addRequestForQuotationLine(line);

        assertThatThrownBy(() -> UblExports.valid(UBL23Marshaller.requestForQuotation(), broken, "RFQ-BROKEN"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RFQ-BROKEN is not valid against the OASIS UBL 2.3 schema")
                .hasMessageContaining("IssueTime");

        // the independent check: a valid export with two elements swapped fails, and ph-ubl will not read it
        String valid = new String(exports.requestForQuotation(RFQ, REFERENCE, ISSUED, kettles(), BUYER,
                List.of(SUPPLIER)), StandardCharsets.UTF_8);
        String issueDate = valid.substring(valid.indexOf("<cbc:IssueDate>"), valid.indexOf("</cbc:IssueDate>") + 16);
        String issueTime = valid.substring(valid.indexOf("<cbc:IssueTime>"), valid.indexOf("</cbc:IssueTime>") + 16);
        byte[] swapped = valid.replace(issueDate, "§").replace(issueTime, issueDate).replace("§", issueTime)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(UblSchemas.errors(swapped, RFQ_SCHEMA)).isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains("IssueTime"));
        var errors = new ErrorList();
        assertThat(UBL23Marshaller.requestForQuotation().setCollectErrors(errors).read(swapped)).isNull();
        assertThat(errors.containsAtLeastOneError()).isTrue();
    }

    @Test
    void aCurrencyWithoutMinorUnitIsRefused() {
        assertThatThrownBy(() -> exports.quotation(NEGOTIATION, REFERENCE, 1, ISSUED, offer("XAU", 1, 1, null, null),
                BUYER, SUPPLIER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency: XAU");
    }

    private static void assertParty(PartyType party, String name, String country) {
        assertThat(party.getPartyNameAtIndex(0).getNameValue()).isEqualTo(name);
        assertThat(party.getPartyLegalEntityAtIndex(0).getRegistrationNameValue()).isEqualTo(name);
        assertThat(party.getPostalAddress().getCountry().getIdentificationCodeValue()).isEqualTo(country);
    }

    private static List<String> notes(List<NoteType> notes) {
        return notes.stream().map(NoteType::getValue).toList();
    }

    /** Reads with ph-ubl, schema validation on: a document the schema rejects reads as null. */
    private static RequestForQuotationType readRfq(byte[] xml) {
        var errors = new ErrorList();
        RequestForQuotationType rfq = UBL23Marshaller.requestForQuotation().setCollectErrors(errors).read(xml);
        assertThat(errors.containsAtLeastOneError()).as(errors.toString()).isFalse();
        return Objects.requireNonNull(rfq);
    }

    private static QuotationType readQuotation(byte[] xml) {
        var errors = new ErrorList();
        QuotationType quotation = UBL23Marshaller.quotation().setCollectErrors(errors).read(xml);
        assertThat(errors.containsAtLeastOneError()).as(errors.toString()).isFalse();
        return Objects.requireNonNull(quotation);
    }
}
