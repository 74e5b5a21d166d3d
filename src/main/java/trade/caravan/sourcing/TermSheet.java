package trade.caravan.sourcing;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import trade.caravan.reference.Incoterm;
import trade.caravan.reference.TradeDocument;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CurrencyCode;

/**
 * The terms of one offer, as the party that made it stated them. Once made, an offer's term sheet
 * never changes; a counter-offer is a new term sheet with the next number.
 *
 * @param validUntil     the last day (in UTC) on which the offer may be accepted
 * @param leadTimeDays   days from contract (or funded escrow) to the goods being ready to ship
 */
public record TermSheet(List<OfferLine> lines, CurrencyCode currency, Incoterm incoterm, UnLocode place,
        int leadTimeDays, @Nullable String packaging, LocalDate validUntil, PaymentTerms paymentTerms,
        Set<TradeDocument> documents, @Nullable String notes) {

    public TermSheet {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A term sheet has at least one line");
        }
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(incoterm, "incoterm");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(paymentTerms, "paymentTerms");
        documents = documents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(documents));
    }

    /** The sum of the lines' amounts, in minor units of {@link #currency}. */
    public long totalMinor() {
        return lines.stream().mapToLong(OfferLine::amountMinor).reduce(0L, Math::addExact);
    }
}
