package trade.caravan.sourcing.negotiation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Locations;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.PriceTier;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.Specification;
import trade.caravan.sourcing.TermSheet;

/**
 * The rules an RFQ and a term sheet must meet, reported together per field: codes that exist in
 * the reference data, positive quantities and prices in the currency's minor units, tiers that
 * never raise the price, and dates that make sense.
 */
@Component
class TermChecks {

    static final int MAX_TEXT = 200;
    static final int MAX_DESCRIPTION = 5_000;
    static final int MAX_SPECIFICATIONS = 20;
    static final int MAX_LINES = 20;
    static final int MAX_TIERS = 5;
    static final int MAX_NOTES = 2_000;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000");
    static final Duration MAX_REPLY_WINDOW = Duration.ofDays(90);
    static final int MAX_VALIDITY_DAYS = 180;
    static final int MAX_LEAD_TIME_DAYS = 730;

    private final HsNomenclature hs;
    private final Locations locations;
    private final Currencies currencies;
    private final Clock clock;

    TermChecks(HsNomenclature hs, Locations locations, Currencies currencies, Clock clock) {
        this.hs = hs;
        this.locations = locations;
        this.currencies = currencies;
        this.clock = clock;
    }

    void check(RfqTerms rfq) {
        var problems = new InvalidInput.Collector();
        Instant now = clock.instant();
        problems.check("hsCode", () -> hs.validate(rfq.hsCode().value()));
        text(problems, "title", rfq.title(), MAX_TEXT, true);
        text(problems, "description", rfq.description(), MAX_DESCRIPTION, false);
        if (rfq.specifications().size() > MAX_SPECIFICATIONS) {
            problems.add("specifications", "error.sourcing.too-many", MAX_SPECIFICATIONS);
        }
        for (int i = 0; i < rfq.specifications().size(); i++) {
            Specification spec = rfq.specifications().get(i);
            text(problems, "specifications[" + i + "].name", spec.name(), 100, true);
            text(problems, "specifications[" + i + "].value", spec.value(), 500, true);
        }
        quantity(problems, "quantity", rfq.quantity());
        currency(problems, "currency", rfq);
        if (rfq.targetUnitPriceMinor() != null && rfq.targetUnitPriceMinor() <= 0) {
            problems.add("targetUnitPrice", "error.sourcing.price-positive");
        }
        if (!locations.exists(rfq.place())) {
            problems.add("place", "error.sourcing.place-unknown", rfq.place().value());
        }
        if (!rfq.replyDeadline().isAfter(now)) {
            problems.add("replyDeadline", "error.sourcing.deadline-past");
        } else if (rfq.replyDeadline().isAfter(now.plus(MAX_REPLY_WINDOW))) {
            problems.add("replyDeadline", "error.sourcing.deadline-too-far", MAX_REPLY_WINDOW.toDays());
        }
        if (!rfq.deliveryDate().isAfter(LocalDate.ofInstant(rfq.replyDeadline(), ZoneOffset.UTC))) {
            problems.add("deliveryDate", "error.sourcing.delivery-before-deadline");
        }
        problems.throwIfAny();
    }

    void check(TermSheet terms) {
        var problems = new InvalidInput.Collector();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (terms.lines().size() > MAX_LINES) {
            problems.add("lines", "error.sourcing.too-many", MAX_LINES);
        }
        for (int i = 0; i < terms.lines().size(); i++) {
            line(problems, "lines[" + i + "]", terms.lines().get(i));
        }
        if (!currencies.exists(terms.currency())) {
            problems.add("currency", "error.sourcing.currency-unknown", terms.currency().value());
        }
        if (!locations.exists(terms.place())) {
            problems.add("place", "error.sourcing.place-unknown", terms.place().value());
        }
        if (terms.leadTimeDays() < 0 || terms.leadTimeDays() > MAX_LEAD_TIME_DAYS) {
            problems.add("leadTimeDays", "error.sourcing.lead-time-range", MAX_LEAD_TIME_DAYS);
        }
        if (terms.packaging() != null) {
            text(problems, "packaging", terms.packaging(), 500, false);
        }
        if (terms.notes() != null) {
            text(problems, "notes", terms.notes(), MAX_NOTES, false);
        }
        if (terms.validUntil().isBefore(today)) {
            problems.add("validUntil", "error.sourcing.valid-until-past");
        } else if (terms.validUntil().isAfter(today.plusDays(MAX_VALIDITY_DAYS))) {
            problems.add("validUntil", "error.sourcing.valid-until-too-far", MAX_VALIDITY_DAYS);
        }
        problems.throwIfAny();
    }

    private void line(InvalidInput.Collector problems, String field, OfferLine line) {
        text(problems, field + ".description", line.description(), 500, true);
        problems.check(field + ".hsCode", () -> hs.validate(line.hsCode().value()));
        quantity(problems, field + ".quantity", line.quantity());
        List<PriceTier> tiers = line.tiers();
        if (tiers.size() > MAX_TIERS) {
            problems.add(field + ".tiers", "error.sourcing.too-many", MAX_TIERS);
        }
        for (int t = 0; t < tiers.size(); t++) {
            PriceTier tier = tiers.get(t);
            String at = field + ".tiers[" + t + "]";
            if (tier.unitPriceMinor() <= 0) {
                problems.add(at + ".unitPrice", "error.sourcing.price-positive");
            }
            if (tier.minQuantity().signum() <= 0 || tier.minQuantity().compareTo(MAX_QUANTITY) > 0) {
                problems.add(at + ".minQuantity", "error.sourcing.quantity-range");
            }
            if (t > 0) {
                PriceTier previous = tiers.get(t - 1);
                if (tier.minQuantity().compareTo(previous.minQuantity()) <= 0) {
                    problems.add(at + ".minQuantity", "error.sourcing.tier-order");
                }
                if (tier.unitPriceMinor() > previous.unitPriceMinor()) {
                    problems.add(at + ".unitPrice", "error.sourcing.tier-price-rises");
                }
            }
        }
    }

    private void currency(InvalidInput.Collector problems, String field, RfqTerms rfq) {
        if (!currencies.exists(rfq.currency())) {
            problems.add(field, "error.sourcing.currency-unknown", rfq.currency().value());
        }
    }

    private static void quantity(InvalidInput.Collector problems, String field, BigDecimal quantity) {
        if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0 || quantity.stripTrailingZeros().scale() > 3) {
            problems.add(field, "error.sourcing.quantity-range");
        }
    }

    static void text(InvalidInput.Collector problems, String field, String value, int max, boolean required) {
        if (required && value.isBlank()) {
            problems.add(field, "error.sourcing.required");
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(field, "error.sourcing.too-long", max);
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(field, "error.sourcing.control-characters");
        }
    }

    /** A plain refusal as a field error, for callers that build terms from raw input. */
    static DomainException invalid(String messageCode, Object... arguments) {
        return new DomainException(DomainException.Kind.INVALID, messageCode, arguments);
    }
}
