package trade.caravan.sourcing.negotiation;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.ProductId;
import trade.caravan.platform.InvalidInput;
import trade.caravan.reference.TradeDocument;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.Specification;

/**
 * The RFQ form. Its property names are the field names the checks report violations under, so
 * each message lands next to its field. Amounts are decimals in the currency's units here and
 * minor units everywhere else.
 */
public class RfqForm {
    private @Nullable String productId;
    private String hsCode = "";
    private String title = "";
    private String description = "";
    private List<Row> specifications = new ArrayList<>();
    private String quantity = "";
    private String unit = "C62";
    private String targetUnitPrice = "";
    private String currency = "USD";
    private String incoterm = "FOB";
    private String place = "";
    private String deliveryDate = "";
    private String paymentTerms = "ESCROW";
    private Set<TradeDocument> documents = EnumSet.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST);
    private String replyDeadline = "";
    private String audience = "DIRECT";
    private List<UUID> suppliers = new ArrayList<>();

    public @Nullable String getProductId() {
        return productId;
    }

    public void setProductId(@Nullable String productId) {
        this.productId = productId;
    }

    public String getHsCode() {
        return hsCode;
    }

    public void setHsCode(String hsCode) {
        this.hsCode = hsCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<Row> getSpecifications() {
        return specifications;
    }

    public void setSpecifications(List<Row> specifications) {
        this.specifications = specifications;
    }

    public String getQuantity() {
        return quantity;
    }

    public void setQuantity(String quantity) {
        this.quantity = quantity;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getTargetUnitPrice() {
        return targetUnitPrice;
    }

    public void setTargetUnitPrice(String targetUnitPrice) {
        this.targetUnitPrice = targetUnitPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getIncoterm() {
        return incoterm;
    }

    public void setIncoterm(String incoterm) {
        this.incoterm = incoterm;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getDeliveryDate() {
        return deliveryDate;
    }

    public void setDeliveryDate(String deliveryDate) {
        this.deliveryDate = deliveryDate;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public void setPaymentTerms(String paymentTerms) {
        this.paymentTerms = paymentTerms;
    }

    public Set<TradeDocument> getDocuments() {
        return documents;
    }

    public void setDocuments(Set<TradeDocument> documents) {
        this.documents = documents;
    }

    public String getReplyDeadline() {
        return replyDeadline;
    }

    public void setReplyDeadline(String replyDeadline) {
        this.replyDeadline = replyDeadline;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public List<UUID> getSuppliers() {
        return suppliers;
    }

    public void setSuppliers(List<UUID> suppliers) {
        this.suppliers = suppliers;
    }


    static final int SPECIFICATION_ROWS = 6;

    public static class Row {
        private String name = "";
        private String value = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }


    }

    /** Empty rows up to the form's size, so there is always room to add one. */
    void pad() {
        specifications.removeIf(r -> r.getName().isBlank() && r.getValue().isBlank());
        while (specifications.size() < SPECIFICATION_ROWS) {
            specifications.add(new Row());
        }
    }

    /**
     * The RFQ's terms; the reply deadline is the end (UTC) of the day chosen. Throws
     * {@link InvalidInput} naming every malformed field; the reference checks follow in the service.
     */
    RfqTerms toTerms(java.util.function.ToIntFunction<CurrencyCode> minorDigits) {
        var problems = new InvalidInput.Collector();
        var parse = new Parsing(problems);
        var hs = parse.hs("hsCode", hsCode);
        var amount = parse.decimal("quantity", quantity, true);
        var unitOfMeasure = parse.unit("unit", unit);
        var money = parse.currency("currency", currency);
        Long target = money.flatMap(c -> parse.minor("targetUnitPrice", targetUnitPrice, minorDigits.applyAsInt(c), false))
                .orElse(null);
        var rule = parse.incoterm("incoterm", incoterm);
        var namedPlace = parse.place("place", place);
        var delivery = parse.date("deliveryDate", deliveryDate);
        var terms = parse.paymentTerms("paymentTerms", paymentTerms);
        var deadline = parse.date("replyDeadline", replyDeadline);
        List<Specification> specs = specifications.stream().filter(r -> !r.getName().isBlank() || !r.getValue().isBlank())
                .map(r -> new Specification(r.getName().strip(), r.getValue().strip())).toList();
        problems.throwIfAny();
        return new RfqTerms(productId == null || productId.isBlank() ? null : ProductId.of(productId), hs.orElseThrow(),
                title.strip(), description.strip(), specs, amount.orElseThrow(), unitOfMeasure.orElseThrow(), target,
                money.orElseThrow(), rule.orElseThrow(), namedPlace.orElseThrow(), delivery.orElseThrow(),
                terms.orElseThrow(), documents == null ? Set.of() : documents,
                deadline.orElseThrow().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1));
    }

    Requesting.Audience audienceChosen() {
        return "PUBLISHED".equals(audience) ? Requesting.Audience.PUBLISHED : Requesting.Audience.DIRECT;
    }

}
