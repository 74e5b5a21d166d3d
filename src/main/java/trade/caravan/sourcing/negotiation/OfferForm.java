package trade.caravan.sourcing.negotiation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import trade.caravan.platform.InvalidInput;
import trade.caravan.reference.TradeDocument;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.PriceTier;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.TermSheet;

/**
 * The offer form (a quotation or a counter-offer): up to {@value #LINE_ROWS} lines of up to
 * {@value #TIER_ROWS} price tiers each; blank rows are ignored. Prices are decimals here.
 */
public class OfferForm {
    private List<LineRow> lines = new ArrayList<>();
    private String currency = "USD";
    private String incoterm = "FOB";
    private String place = "";
    private String leadTimeDays = "";
    private String packaging = "";
    private String validUntil = "";
    private String paymentTerms = "ESCROW";
    private Set<TradeDocument> documents = EnumSet.noneOf(TradeDocument.class);
    private String notes = "";

    public List<LineRow> getLines() {
        return lines;
    }

    public void setLines(List<LineRow> lines) {
        this.lines = lines;
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

    public String getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(String leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public String getPackaging() {
        return packaging;
    }

    public void setPackaging(String packaging) {
        this.packaging = packaging;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(String validUntil) {
        this.validUntil = validUntil;
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

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }


    static final int LINE_ROWS = 3;
    static final int TIER_ROWS = 3;

    public static class LineRow {
        private String description = "";
        private String hsCode = "";
        private String quantity = "";
        private String unit = "C62";
        private List<TierRow> tiers = new ArrayList<>();

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getHsCode() {
            return hsCode;
        }

        public void setHsCode(String hsCode) {
            this.hsCode = hsCode;
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

        public List<TierRow> getTiers() {
            return tiers;
        }

        public void setTiers(List<TierRow> tiers) {
            this.tiers = tiers;
        }


    }

    public static class TierRow {
        private String minQuantity = "";
        private String unitPrice = "";

        public String getMinQuantity() {
            return minQuantity;
        }

        public void setMinQuantity(String minQuantity) {
            this.minQuantity = minQuantity;
        }

        public String getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(String unitPrice) {
            this.unitPrice = unitPrice;
        }


    }

    /** Empty rows up to the form's size. */
    void pad() {
        lines.removeIf(l -> l.getDescription().isBlank() && l.getQuantity().isBlank() && l.getTiers().stream()
                .allMatch(t -> t.getUnitPrice().isBlank()));
        while (lines.size() < LINE_ROWS) {
            lines.add(new LineRow());
        }
        for (LineRow line : lines) {
            line.getTiers().removeIf(t -> t.getMinQuantity().isBlank() && t.getUnitPrice().isBlank());
            while (line.getTiers().size() < TIER_ROWS) {
                line.getTiers().add(new TierRow());
            }
        }
    }

    /** A form holding the terms of {@code sheet} (a counter-offer starts from the offer on the table). */
    static OfferForm of(TermSheet sheet, int digits) {
        var form = new OfferForm();
        for (OfferLine offerLine : sheet.lines()) {
            var row = new LineRow();
            row.setDescription(offerLine.description());
            row.setHsCode(offerLine.hsCode().value());
            row.setQuantity(TermSheetDiff.quantity(offerLine.quantity()));
            row.setUnit(offerLine.unit().code());
            for (PriceTier priceTier : offerLine.tiers()) {
                var tier = new TierRow();
                tier.setMinQuantity(TermSheetDiff.quantity(priceTier.minQuantity()));
                tier.setUnitPrice(BigDecimal.valueOf(priceTier.unitPriceMinor(), digits).toPlainString());
                row.getTiers().add(tier);
            }
            form.lines.add(row);
        }
        form.currency = sheet.currency().value();
        form.incoterm = sheet.incoterm().name();
        form.place = sheet.place().value();
        form.leadTimeDays = Integer.toString(sheet.leadTimeDays());
        form.packaging = sheet.packaging() == null ? "" : sheet.packaging();
        form.validUntil = sheet.validUntil().toString();
        form.paymentTerms = sheet.paymentTerms().name();
        form.documents = sheet.documents().isEmpty() ? EnumSet.noneOf(TradeDocument.class) : EnumSet.copyOf(sheet.documents());
        form.pad();
        return form;
    }

    /** A first quotation's form, from what the RFQ asked for. */
    static OfferForm of(RfqTerms rfq, java.time.LocalDate validUntil, int digits) {
        var form = new OfferForm();
        var row = new LineRow();
        row.setDescription(rfq.title());
        row.setHsCode(rfq.hsCode().value());
        row.setQuantity(TermSheetDiff.quantity(rfq.quantity()));
        row.setUnit(rfq.unit().code());
        var tier = new TierRow();
        tier.setMinQuantity(TermSheetDiff.quantity(rfq.quantity()));
        tier.setUnitPrice(rfq.targetUnitPriceMinor() == null ? "" : BigDecimal.valueOf(rfq.targetUnitPriceMinor(), digits).toPlainString());
        row.getTiers().add(tier);
        form.lines.add(row);
        form.currency = rfq.currency().value();
        form.incoterm = rfq.incoterm().name();
        form.place = rfq.place().value();
        form.validUntil = validUntil.toString();
        form.paymentTerms = rfq.paymentTerms().name();
        form.documents = rfq.documents().isEmpty() ? EnumSet.noneOf(TradeDocument.class) : EnumSet.copyOf(rfq.documents());
        form.pad();
        return form;
    }

    /** The term sheet; throws {@link InvalidInput} naming every malformed field. */
    TermSheet toTermSheet(java.util.function.ToIntFunction<CurrencyCode> minorDigits) {
        var problems = new InvalidInput.Collector();
        var parse = new Parsing(problems);
        var money = parse.currency("currency", currency);
        int digits = money.map(minorDigits::applyAsInt).orElse(2);
        List<OfferLine> offerLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRow row = lines.get(i);
            boolean empty = row.getDescription().isBlank() && row.getQuantity().isBlank()
                    && row.getTiers().stream().allMatch(t -> t.getUnitPrice().isBlank());
            if (empty) {
                continue;
            }
            String at = "lines[" + i + "]";
            var hs = parse.hs(at + ".hsCode", row.getHsCode());
            var amount = parse.decimal(at + ".quantity", row.getQuantity(), true);
            var unitOfMeasure = parse.unit(at + ".unit", row.getUnit());
            List<PriceTier> priceTiers = new ArrayList<>();
            for (int t = 0; t < row.getTiers().size(); t++) {
                TierRow tierRow = row.getTiers().get(t);
                if (tierRow.getMinQuantity().isBlank() && tierRow.getUnitPrice().isBlank()) {
                    continue;
                }
                String tierAt = at + ".tiers[" + t + "]";
                var from = t == 0 && tierRow.getMinQuantity().isBlank() ? amount
                        : parse.decimal(tierAt + ".minQuantity", tierRow.getMinQuantity(), true);
                var price = parse.minor(tierAt + ".unitPrice", tierRow.getUnitPrice(), digits, true);
                if (from.isPresent() && price.isPresent()) {
                    priceTiers.add(new PriceTier(from.get(), price.get()));
                }
            }
            if (priceTiers.isEmpty() && row.getTiers().stream().allMatch(t -> t.getUnitPrice().isBlank())) {
                problems.add(at + ".tiers[0].unitPrice", "error.sourcing.required");
            }
            if (hs.isPresent() && amount.isPresent() && unitOfMeasure.isPresent() && !priceTiers.isEmpty()) {
                offerLines.add(new OfferLine(row.getDescription().strip(), null, hs.get(), amount.get(),
                        unitOfMeasure.get(), priceTiers));
            }
        }
        if (offerLines.isEmpty() && problems.isEmpty()) {
            problems.add("lines[0].description", "error.sourcing.no-lines");
        }
        var rule = parse.incoterm("incoterm", incoterm);
        var namedPlace = parse.place("place", place);
        var lead = parse.integer("leadTimeDays", leadTimeDays);
        var valid = parse.date("validUntil", validUntil);
        var terms = parse.paymentTerms("paymentTerms", paymentTerms);
        problems.throwIfAny();
        return new TermSheet(offerLines, money.orElseThrow(), rule.orElseThrow(), namedPlace.orElseThrow(),
                lead.orElseThrow(), packaging.isBlank() ? null : packaging.strip(), valid.orElseThrow(),
                terms.orElseThrow(), documents == null ? Set.of() : documents, notes.isBlank() ? null : notes.strip());
    }

}
