package trade.caravan.sourcing.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.InvalidInput;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.sourcing.PaymentTerms;

/**
 * Turns what a form or an API client sent into typed values, recording a violation per field for
 * anything malformed, so that one answer names every bad field. Missing values come back empty.
 */
final class Parsing {

    private final InvalidInput.Collector problems;

    Parsing(InvalidInput.Collector problems) {
        this.problems = problems;
    }

    Optional<HsCode> hs(String field, @Nullable String value) {
        if (blank(field, value)) {
            return Optional.empty();
        }
        if (!HsCode.isWellFormed(value)) {
            problems.add(field, "error.reference.hs-malformed", echo(value));
            return Optional.empty();
        }
        return Optional.of(HsCode.of(value));
    }

    Optional<UnitOfMeasure> unit(String field, @Nullable String value) {
        if (blank(field, value)) {
            return Optional.empty();
        }
        Optional<UnitOfMeasure> unit = UnitOfMeasure.fromCode(value);
        if (unit.isEmpty()) {
            problems.add(field, "error.sourcing.unit-unknown", echo(value));
        }
        return unit;
    }

    Optional<CurrencyCode> currency(String field, @Nullable String value) {
        if (blank(field, value)) {
            return Optional.empty();
        }
        if (!value.strip().matches("[A-Za-z]{3}")) {
            problems.add(field, "error.sourcing.currency-unknown", echo(value));
            return Optional.empty();
        }
        return Optional.of(CurrencyCode.of(value));
    }

    Optional<Incoterm> incoterm(String field, @Nullable String value) {
        if (blank(field, value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Incoterm.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            problems.add(field, "error.reference.incoterm-unknown", echo(value));
            return Optional.empty();
        }
    }

    Optional<UnLocode> place(String field, @Nullable String value) {
        if (blank(field, value)) {
            return Optional.empty();
        }
        String code = value.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (!UnLocode.isWellFormed(code)) {
            problems.add(field, "error.sourcing.place-malformed", echo(value));
            return Optional.empty();
        }
        return Optional.of(UnLocode.of(code));
    }

    Optional<PaymentTerms> paymentTerms(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(PaymentTerms.ESCROW);
        }
        try {
            return Optional.of(PaymentTerms.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            problems.add(field, "error.sourcing.payment-terms-unknown", echo(value));
            return Optional.empty();
        }
    }

    Optional<BigDecimal> decimal(String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "error.sourcing.required");
            }
            return Optional.empty();
        }
        try {
            BigDecimal number = new BigDecimal(value.strip().replace(",", ""));
            if (number.precision() - number.scale() > 15) {
                problems.add(field, "error.sourcing.quantity-range");
                return Optional.empty();
            }
            return Optional.of(number);
        } catch (NumberFormatException notANumber) {
            problems.add(field, "error.sourcing.number", echo(value));
            return Optional.empty();
        }
    }

    /** A decimal amount in minor units of a currency with {@code digits} minor digits; more digits are refused. */
    Optional<Long> minor(String field, @Nullable String value, int digits, boolean required) {
        return decimal(field, value, required).flatMap(amount -> {
            if (amount.stripTrailingZeros().scale() > digits) {
                problems.add(field, "error.sourcing.amount-digits", digits);
                return Optional.empty();
            }
            return Optional.of(amount.movePointRight(digits).longValue());
        });
    }

    Optional<LocalDate> date(String field, @Nullable String value) {
        if (blank(field, value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException notADate) {
            problems.add(field, "error.sourcing.date", echo(value));
            return Optional.empty();
        }
    }

    Optional<Integer> integer(String field, @Nullable String value) {
        if (blank(field, value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            problems.add(field, "error.sourcing.number", echo(value));
            return Optional.empty();
        }
    }

    private boolean blank(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "error.sourcing.required");
            return true;
        }
        return false;
    }

    /** What the user typed, shortened, for a message (never markup: pages escape it). */
    static String echo(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }
}
