package trade.caravan.sourcing.negotiation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import trade.caravan.reference.TradeDocument;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.PriceTier;
import trade.caravan.sourcing.TermSheet;

/**
 * What changed from one term sheet to the next, field by field and line by line, as a reader
 * should see it: "unit price 12.40 → 11.90 USD", "Incoterm FOB → CIF", a line added or removed.
 */
final class TermSheetDiff {

    private final Function<TradeDocument, String> documentName;

    /** @param documentName the reader's name of a document */
    TermSheetDiff(Function<TradeDocument, String> documentName) {
        this.documentName = documentName;
    }

    List<TermChange> between(TermSheet before, TermSheet after, int digitsBefore, int digitsAfter) {
        var changes = new ArrayList<TermChange>();
        change(changes, "currency", 0, before.currency().value(), after.currency().value());
        change(changes, "incoterm", 0, before.incoterm().name(), after.incoterm().name());
        change(changes, "place", 0, before.place().value(), after.place().value());
        change(changes, "leadTimeDays", 0, String.valueOf(before.leadTimeDays()), String.valueOf(after.leadTimeDays()));
        change(changes, "packaging", 0, orDash(before.packaging()), orDash(after.packaging()));
        change(changes, "validUntil", 0, before.validUntil().toString(), after.validUntil().toString());
        change(changes, "paymentTerms", 0, before.paymentTerms().name(), after.paymentTerms().name());
        change(changes, "documents", 0, documents(before), documents(after));
        int lines = Math.max(before.lines().size(), after.lines().size());
        for (int i = 0; i < lines; i++) {
            @Nullable OfferLine was = i < before.lines().size() ? before.lines().get(i) : null;
            @Nullable OfferLine is = i < after.lines().size() ? after.lines().get(i) : null;
            int line = i + 1;
            if (was == null || is == null) {
                change(changes, "line", line, was == null ? "—" : was.description(), is == null ? "—" : is.description());
                continue;
            }
            change(changes, "description", line, was.description(), is.description());
            change(changes, "hsCode", line, was.hsCode().value(), is.hsCode().value());
            change(changes, "quantity", line, quantity(was.quantity()) + " " + was.unit().code(),
                    quantity(is.quantity()) + " " + is.unit().code());
            change(changes, "unitPrice", line, money(was.unitPriceMinor(), digitsBefore, before),
                    money(is.unitPriceMinor(), digitsAfter, after));
            change(changes, "tiers", line, tiers(was, digitsBefore, before), tiers(is, digitsAfter, after));
        }
        change(changes, "total", 0, money(before.totalMinor(), digitsBefore, before),
                money(after.totalMinor(), digitsAfter, after));
        return changes;
    }

    private String documents(TermSheet sheet) {
        return sheet.documents().isEmpty() ? "—"
                : sheet.documents().stream().sorted().map(documentName).collect(Collectors.joining(", "));
    }

    private static String tiers(OfferLine line, int digits, TermSheet sheet) {
        if (line.tiers().size() < 2) {
            return "—";
        }
        return line.tiers().stream().map((PriceTier t) -> "≥ " + quantity(t.minQuantity()) + ": "
                + money(t.unitPriceMinor(), digits, sheet)).collect(Collectors.joining("; "));
    }

    static String money(long minor, int digits, TermSheet sheet) {
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + sheet.currency().value();
    }

    static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static void change(List<TermChange> changes, String field, int line, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new TermChange(field, line, before, after));
        }
    }
}
