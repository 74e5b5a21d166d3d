package trade.caravan.sourcing.ubl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.helger.datetime.xml.XMLOffsetTime;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.ubl23.UBL23Marshaller;
import com.helger.ubl23.UBL23Marshaller.UBL23JAXBMarshaller;

import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.CommodityClassificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.DeliveryTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.ItemPropertyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.LineItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.LocationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.LineReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.OrderLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.QuotationLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.RequestForQuotationLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_23.TransactionConditionsType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.DescriptionType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.DocumentDescriptionType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.DocumentTypeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.DocumentTypeCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.DurationMeasureType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.IDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.IdentificationCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.ItemClassificationCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.LineExtensionAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.MinimumQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.PayableAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.PriceAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.QuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_23.SpecialTermsType;
import oasis.names.specification.ubl.schema.xsd.order_23.OrderType;
import oasis.names.specification.ubl.schema.xsd.quotation_23.QuotationType;
import oasis.names.specification.ubl.schema.xsd.requestforquotation_23.RequestForQuotationType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_23.AmountType;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.TradeDocument;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.PaymentTerms;
import trade.caravan.sourcing.PriceTier;
import trade.caravan.sourcing.RfqId;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.Specification;
import trade.caravan.sourcing.TermSheet;

/**
 * A request for quotation as an OASIS UBL 2.3 {@code RequestForQuotation}, and each offer made on
 * it as a UBL 2.3 {@code Quotation}: UTF-8 XML that any UBL-aware purchasing system can read.
 *
 * <p>The documents are built as ph-ubl JAXB objects, so text typed by users reaches the XML only
 * through the JAXB marshaller, which escapes it. Nothing is parsed here. Every document is
 * marshalled with the OASIS UBL 2.3 schema that ph-ubl bundles switched on; a document the schema
 * rejects is never returned ({@link IllegalStateException}): an invalid export is a bug, not bad input.
 *
 * <p>Dates and times are UTC. Amounts are written with exactly as many decimals as the currency's
 * ISO 4217 minor unit ("12.40" USD, "1240" JPY, "12.400" BHD).
 */
@Service
public class UblExports {

    static final String UBL_VERSION = "2.3";

    // UN/ECE is agency 6 in UN/CEFACT code list 3055; UN/LOCODE is its location code list
    private static final String UN_ECE = "6";
    private static final String UN_LOCODE = "UN/LOCODE";
    private static final String INCOTERMS = "INCOTERMS";
    private static final String INCOTERMS_VERSION = "2020";
    private static final String COUNTRY_LIST = "ISO3166-1:Alpha2";
    private static final String HS_LIST = "HS";
    private static final String DOCUMENT_TYPE_LIST = "UNCL1001";
    private static final String DAYS = "DAY";

    private final Function<CurrencyCode, OptionalInt> minorUnits;

    @Autowired
    UblExports(Currencies currencies) {
        this(currencies::minorUnits);
    }

    UblExports(Function<CurrencyCode, OptionalInt> minorUnits) {
        this.minorUnits = minorUnits;
    }

    /**
     * The RFQ as a UBL 2.3 {@code RequestForQuotation}.
     *
     * @param reference the RFQ's human-readable reference, the document's {@code ID}
     * @param suppliers the organizations it is addressed to; exactly one names the
     *                  {@code SellerSupplierParty}, none or several (published) leave it empty
     */
    public byte[] requestForQuotation(RfqId id, String reference, Instant issuedAt, RfqTerms rfq,
            OrganizationSummary buyer, List<OrganizationSummary> suppliers) {
        int digits = minorDigits(rfq.currency());
        var document = new RequestForQuotationType();
        document.setUBLVersionID(UBL_VERSION);
        document.setID(reference);
        document.setUUID(id.value().toString());
        document.setIssueDate(utcDate(issuedAt));
        document.setIssueTime(utcTime(issuedAt));
        // SubmissionDueDate is UBL's "due date for submission of quotations"; RequestedValidityPeriod
        // would be how long the quotations must stay open, which the RFQ does not say. The exact
        // instant goes into a note because the schema has no submission due time.
        document.setSubmissionDueDate(utcDate(rfq.replyDeadline()));
        document.addNote(note("Quotations are due by " + rfq.replyDeadline().truncatedTo(ChronoUnit.SECONDS) + "."));
        // the RequestForQuotation schema has neither PaymentMeans nor PaymentTerms: the buyer's
        // payment terms travel as a note
        document.addNote(note("Payment terms: " + describe(rfq.paymentTerms())));
        document.setPricingCurrencyCode(rfq.currency().value());
        document.setLineCountNumeric(BigDecimal.ONE);
        // The schema has no "required documents" element. AdditionalDocumentReference lists the
        // documents relevant to the RFQ, and its DocumentTypeCode (UNCL 1001) says which kind each is;
        // the description states that the seller must provide it.
        requiredDocuments(rfq.documents(), "Required from the seller").forEach(document::addAdditionalDocumentReference);
        // SellerSupplierParty is mandatory (1..1) in UBL 2.3 while its Party is optional: an RFQ
        // published to many suppliers carries an empty one
        document.setSellerSupplierParty(suppliers.size() == 1 ? supplierParty(suppliers.getFirst()) : new SupplierPartyType());
        document.setBuyerCustomerParty(customerParty(buyer));
        var delivery = new DeliveryType();
        delivery.setDeliveryLocation(location(rfq.place()));
        var period = new PeriodType();
        period.setEndDate(rfq.deliveryDate());
        delivery.setRequestedDeliveryPeriod(period);
        document.addDelivery(delivery);
        document.addDeliveryTerms(deliveryTerms(rfq.incoterm(), rfq.place()));

        var lineItem = new LineItemType();
        lineItem.setID("1");
        quantity(lineItem.setQuantity(plain(rfq.quantity())), rfq.unit());
        if (rfq.targetUnitPriceMinor() != null) {
            lineItem.setPrice(price(rfq.targetUnitPriceMinor(), rfq.currency(), digits));
        }
        lineItem.setItem(item(rfq.title(), rfq.description(), rfq.hsCode(), rfq.product(), rfq.specifications()));
        var line = new RequestForQuotationLineType();
        line.setID("1");
        line.setLineItem(lineItem);
        document.addRequestForQuotationLine(line);

        return valid(UBL23Marshaller.requestForQuotation(), document, "RequestForQuotation " + reference);
    }

    /**
     * One offer as a UBL 2.3 {@code Quotation}, identified {@code <rfqReference>-Q<offerNumber>}.
     * Each line quotes the unit price that applies to its quantity; the line's other price tiers
     * follow as alternative line items.
     */
    public byte[] quotation(NegotiationId negotiation, String rfqReference, int offerNumber, Instant madeAt,
            TermSheet terms, OrganizationSummary buyer, OrganizationSummary supplier) {
        int digits = minorDigits(terms.currency());
        CurrencyCode currency = terms.currency();
        var document = new QuotationType();
        document.setUBLVersionID(UBL_VERSION);
        document.setID(rfqReference + "-Q" + offerNumber);
        // one stable UUID per offer: exporting the same offer twice gives the same document identity
        document.setUUID(UUID.nameUUIDFromBytes(("caravan:quotation:" + negotiation + ":" + offerNumber)
                .getBytes(StandardCharsets.UTF_8)).toString());
        document.setIssueDate(utcDate(madeAt));
        document.setIssueTime(utcTime(madeAt));
        notes(terms).forEach(document::addNote);
        document.setPricingCurrencyCode(currency.value());
        document.setLineCountNumeric(BigDecimal.valueOf(terms.lines().size()));
        var validity = new PeriodType();
        validity.setEndDate(terms.validUntil());
        document.setValidityPeriod(validity);
        var rfq = new DocumentReferenceType();
        rfq.setID(rfqReference);
        document.setRequestForQuotationDocumentReference(rfq);
        requiredDocuments(terms.documents(), "Provided by the seller").forEach(document::addAdditionalDocumentReference);
        document.setSellerSupplierParty(supplierParty(supplier));
        document.setBuyerCustomerParty(customerParty(buyer));

        document.addDelivery(promisedDelivery(terms, "after the contract or the funded escrow"));
        document.setDeliveryTerms(deliveryTerms(terms.incoterm(), terms.place()));
        // the Quotation schema has no PaymentTerms; TransactionConditions are "purchasing, sales,
        // or payment conditions", and UNCL 4461 payment means codes have none for escrow
        var payment = new TransactionConditionsType();
        payment.setID(terms.paymentTerms().name());
        payment.addDescription(new DescriptionType("Payment terms: " + describe(terms.paymentTerms())));
        document.setTransactionConditions(payment);

        document.setQuotedMonetaryTotal(total(terms, digits));

        for (int i = 0; i < terms.lines().size(); i++) {
            document.addQuotationLine(quotationLine(String.valueOf(i + 1), terms.lines().get(i), currency, digits));
        }
        return valid(UBL23Marshaller.quotation(), document, "Quotation " + document.getIDValue());
    }

    /**
     * The accepted offer as a UBL 2.3 {@code Order} with ID {@code orderId} (the trade's reference):
     * the agreed lines at the unit prices that apply to their quantities, the Incoterms rule and
     * place, the lead time, the payment terms and the documents the seller provides, with a
     * reference to the quotation it accepts. It goes inside the signed contract.
     */
    public byte[] order(NegotiationId negotiation, String orderId, String rfqReference, int offerNumber,
            Instant acceptedAt, TermSheet terms, OrganizationSummary buyer, OrganizationSummary supplier) {
        int digits = minorDigits(terms.currency());
        CurrencyCode currency = terms.currency();
        var document = new OrderType();
        document.setUBLVersionID(UBL_VERSION);
        document.setID(orderId);
        document.setUUID(UUID.nameUUIDFromBytes(("caravan:order:" + negotiation + ":" + offerNumber)
                .getBytes(StandardCharsets.UTF_8)).toString());
        document.setIssueDate(utcDate(acceptedAt));
        document.setIssueTime(utcTime(acceptedAt));
        // UNCL 1001 code 220: order
        document.setOrderTypeCode("220");
        notes(terms).forEach(document::addNote);
        document.setDocumentCurrencyCode(currency.value());
        document.setLineCountNumeric(BigDecimal.valueOf(terms.lines().size()));
        var quotation = new DocumentReferenceType();
        quotation.setID(rfqReference + "-Q" + offerNumber);
        document.setQuotationDocumentReference(quotation);
        requiredDocuments(terms.documents(), "Provided by the seller").forEach(document::addAdditionalDocumentReference);
        document.setBuyerCustomerParty(customerParty(buyer));
        document.setSellerSupplierParty(supplierParty(supplier));
        document.addDelivery(promisedDelivery(terms, "after the funded escrow"));
        document.addDeliveryTerms(deliveryTerms(terms.incoterm(), terms.place()));
        var payment = new PaymentTermsType();
        payment.setID(terms.paymentTerms().name());
        payment.addNote(note("Payment terms: " + describe(terms.paymentTerms())));
        document.addPaymentTerms(payment);
        document.setAnticipatedMonetaryTotal(total(terms, digits));
        for (int i = 0; i < terms.lines().size(); i++) {
            OfferLine offer = terms.lines().get(i);
            String id = String.valueOf(i + 1);
            var line = new OrderLineType();
            line.setLineItem(lineItem(id, offer, currency, digits));
            var quoted = new LineReferenceType();
            quoted.setLineID(id);
            line.setQuotationLineReference(quoted);
            document.addOrderLine(line);
        }
        return valid(UBL23Marshaller.order(), document, "Order " + orderId);
    }

    /**
     * Delivery at the term sheet's place, with the lead time as a duration (it runs from an event,
     * {@code from}, so it is not a date).
     */
    private static DeliveryType promisedDelivery(TermSheet terms, String from) {
        var delivery = new DeliveryType();
        delivery.setDeliveryLocation(location(terms.place()));
        var leadTime = new PeriodType();
        DurationMeasureType days = leadTime.setDurationMeasure(BigDecimal.valueOf(terms.leadTimeDays()));
        days.setUnitCode(DAYS);
        leadTime.addDescription(new DescriptionType("Goods ready to ship " + terms.leadTimeDays() + " days " + from + "."));
        delivery.setPromisedDeliveryPeriod(leadTime);
        return delivery;
    }

    private static MonetaryTotalType total(TermSheet terms, int digits) {
        var total = new MonetaryTotalType();
        amount(total.setLineExtensionAmount(amount(terms.totalMinor(), digits)), terms.currency());
        amount(total.setPayableAmount(amount(terms.totalMinor(), digits)), terms.currency());
        return total;
    }

    /** A term sheet's packaging and notes, as the document's notes. */
    private static List<NoteType> notes(TermSheet terms) {
        List<NoteType> notes = new java.util.ArrayList<>();
        if (terms.packaging() != null && !terms.packaging().isBlank()) {
            notes.add(note("Packaging: " + terms.packaging()));
        }
        if (terms.notes() != null && !terms.notes().isBlank()) {
            notes.add(note(terms.notes()));
        }
        return notes;
    }

    /** One offered line at the unit price that applies to its quantity. */
    private static LineItemType lineItem(String id, OfferLine offer, CurrencyCode currency, int digits) {
        var lineItem = new LineItemType();
        lineItem.setID(id);
        quantity(lineItem.setQuantity(plain(offer.quantity())), offer.unit());
        amount(lineItem.setLineExtensionAmount(amount(offer.amountMinor(), digits)), currency);
        lineItem.setPrice(price(offer.unitPriceMinor(), currency, digits));
        lineItem.setItem(item(offer.description(), null, offer.hsCode(), offer.product(), List.of()));
        return lineItem;
    }

    private QuotationLineType quotationLine(String id, OfferLine offer, CurrencyCode currency, int digits) {
        var line = new QuotationLineType();
        line.setID(id);
        line.setLineItem(lineItem(id, offer, currency, digits));
        // Price/PriceList carries no quantities, so it cannot state "from 2000 units, 11.90".
        // An AlternativeLineItem is a complete offer for another quantity, outside the quoted total:
        // each further tier is one, with its minimum quantity and unit price.
        int applied = appliedTier(offer);
        for (int t = 0; t < offer.tiers().size(); t++) {
            if (t != applied) {
                line.addAlternativeLineItem(tierLine(id + "." + (t + 1), offer, offer.tiers().get(t), currency, digits));
            }
        }
        return line;
    }

    private LineItemType tierLine(String id, OfferLine offer, PriceTier tier, CurrencyCode currency, int digits) {
        var lineItem = new LineItemType();
        lineItem.setID(id);
        quantity(lineItem.setQuantity(plain(tier.minQuantity())), offer.unit());
        long amountMinor = tier.minQuantity().multiply(BigDecimal.valueOf(tier.unitPriceMinor()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        amount(lineItem.setLineExtensionAmount(amount(amountMinor, digits)), currency);
        MinimumQuantityType minimum = lineItem.setMinimumQuantity(plain(tier.minQuantity()));
        minimum.setUnitCode(offer.unit().code());
        lineItem.setPrice(price(tier.unitPriceMinor(), currency, digits));
        lineItem.setItem(item(offer.description(), null, offer.hsCode(), offer.product(), List.of()));
        return lineItem;
    }

    /** The tier {@link OfferLine#unitPriceMinor()} takes: the last one whose minimum the quantity reaches. */
    private static int appliedTier(OfferLine offer) {
        int applied = 0;
        for (int t = 0; t < offer.tiers().size(); t++) {
            if (offer.quantity().compareTo(offer.tiers().get(t).minQuantity()) >= 0) {
                applied = t;
            }
        }
        return applied;
    }

    private static ItemType item(String name, @Nullable String description, HsCode hsCode, @Nullable ProductId product,
            List<Specification> specifications) {
        var item = new ItemType();
        item.setName(name);
        if (description != null && !description.isBlank()) {
            item.addDescription(new DescriptionType(description));
        }
        if (product != null) {
            var identification = new ItemIdentificationType();
            identification.setID(product.value().toString());
            item.setSellersItemIdentification(identification);
        }
        var classification = new CommodityClassificationType();
        ItemClassificationCodeType code = classification.setItemClassificationCode(hsCode.value());
        code.setListID(HS_LIST);
        item.addCommodityClassification(classification);
        for (Specification specification : specifications) {
            var property = new ItemPropertyType();
            property.setName(specification.name());
            property.setValue(specification.value());
            item.addAdditionalItemProperty(property);
        }
        return item;
    }

    private static SupplierPartyType supplierParty(OrganizationSummary organization) {
        var supplier = new SupplierPartyType();
        supplier.setParty(party(organization));
        return supplier;
    }

    private static CustomerPartyType customerParty(OrganizationSummary organization) {
        var customer = new CustomerPartyType();
        customer.setParty(party(organization));
        return customer;
    }

    private static PartyType party(OrganizationSummary organization) {
        var party = new PartyType();
        if (organization.website() != null && !organization.website().isBlank()) {
            party.setWebsiteURI(organization.website());
        }
        var identification = new PartyIdentificationType();
        IDType id = identification.setID(organization.id().value().toString());
        id.setSchemeName("Caravan organization");
        party.addPartyIdentification(identification);
        var name = new PartyNameType();
        name.setName(organization.legalName());
        party.addPartyName(name);
        var address = new AddressType();
        address.setCountry(country(organization.country().value()));
        party.setPostalAddress(address);
        var legalEntity = new PartyLegalEntityType();
        legalEntity.setRegistrationName(organization.legalName());
        party.addPartyLegalEntity(legalEntity);
        return party;
    }

    private static CountryType country(String alpha2) {
        var country = new CountryType();
        IdentificationCodeType code = country.setIdentificationCode(alpha2);
        code.setListID(COUNTRY_LIST);
        return country;
    }

    private static LocationType location(UnLocode place) {
        var location = new LocationType();
        IDType id = location.setID(place.value());
        id.setSchemeID(UN_LOCODE);
        id.setSchemeAgencyID(UN_ECE);
        return location;
    }

    /** The Incoterms rule with its named place, written the way the ICC asks: "FOB CNSZX Incoterms® 2020". */
    private static DeliveryTermsType deliveryTerms(Incoterm incoterm, UnLocode place) {
        var terms = new DeliveryTermsType();
        IDType id = terms.setID(incoterm.name());
        id.setSchemeID(INCOTERMS);
        id.setSchemeVersionID(INCOTERMS_VERSION);
        terms.addSpecialTerms(new SpecialTermsType(
                incoterm.name() + " " + place.value() + " Incoterms® " + INCOTERMS_VERSION));
        terms.setDeliveryLocation(location(place));
        return terms;
    }

    private static List<DocumentReferenceType> requiredDocuments(Set<TradeDocument> documents, String role) {
        return documents.stream().sorted().map(document -> {
            var reference = new DocumentReferenceType();
            // ID is mandatory, and the document does not exist yet: the kind identifies the requirement
            reference.setID(document.name());
            String code = uncl1001(document);
            if (code != null) {
                DocumentTypeCodeType typeCode = reference.setDocumentTypeCode(code);
                typeCode.setListID(DOCUMENT_TYPE_LIST);
            }
            reference.addDocumentType(new DocumentTypeType(
                    documentName(document)));
            reference.addDocumentDescription(
                    new DocumentDescriptionType(role));
            return reference;
        }).toList();
    }

    /** The UN/CEFACT document name code (UNCL 1001); none for the insurance certificate, which the list lacks. */
    private static @Nullable String uncl1001(TradeDocument document) {
        return switch (document) {
            case COMMERCIAL_INVOICE -> "380";
            case PACKING_LIST -> "271";
            case CERTIFICATE_OF_ORIGIN -> "861";
            case BILL_OF_LADING -> "705";
            case AIR_WAYBILL -> "740";
            case ROAD_CONSIGNMENT_NOTE -> "730";
            case INSURANCE_CERTIFICATE -> null;
            case INSPECTION_CERTIFICATE -> "856";
            case PHYTOSANITARY_CERTIFICATE -> "851";
            case HEALTH_CERTIFICATE -> "636";
        };
    }

    private static String documentName(TradeDocument document) {
        String words = document.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String describe(PaymentTerms terms) {
        return switch (terms) {
            case ESCROW -> "escrow through Caravan, funded by the buyer before shipment and released on delivery";
            case LETTER_OF_CREDIT -> "documentary letter of credit";
            case DOCUMENTARY_COLLECTION -> "documentary collection";
            case ADVANCE_PAYMENT -> "payment in advance";
            case OPEN_ACCOUNT -> "open account";
        };
    }

    private static PriceType price(long unitPriceMinor, CurrencyCode currency, int digits) {
        var price = new PriceType();
        PriceAmountType amount = price.setPriceAmount(amount(unitPriceMinor, digits));
        amount.setCurrencyID(currency.value());
        return price;
    }

    private static void amount(AmountType amount,
            CurrencyCode currency) {
        amount.setCurrencyID(currency.value());
    }

    private static void quantity(QuantityType quantity, UnitOfMeasure unit) {
        quantity.setUnitCode(unit.code());
    }

    private static BigDecimal amount(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits);
    }

    /** 1000 rather than 1000.000 or 1E+3 (JAXB writes the plain string). */
    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private int minorDigits(CurrencyCode currency) {
        OptionalInt digits = minorUnits.apply(currency);
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("currency: " + currency
                    + " has no ISO 4217 minor unit, so its amounts cannot be written in UBL");
        }
        return digits.getAsInt();
    }

    private static NoteType note(String text) {
        return new NoteType(text);
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static XMLOffsetTime utcTime(Instant instant) {
        return XMLOffsetTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    /**
     * The document as UTF-8 XML, marshalled with the bundled OASIS UBL 2.3 schema switched on: the
     * marshaller validates what it writes and reports every violation to {@code errors}.
     */
    static <T> byte[] valid(UBL23JAXBMarshaller<T> marshaller, T document, String what) {
        var errors = new ErrorList();
        marshaller.setUseSchema(true);
        marshaller.setCollectErrors(errors);
        marshaller.setCharset(StandardCharsets.UTF_8);
        marshaller.setFormattedOutput(true);
        byte[] xml = marshaller.getAsBytes(document);
        if (xml == null || errors.containsAtLeastOneError()) {
            throw new IllegalStateException("UBL " + what + " is not valid against the OASIS UBL 2.3 schema: "
                    + String.join("; ", errors.getAllErrors().getAllTexts(Locale.ROOT)));
        }
        return xml;
    }
}
