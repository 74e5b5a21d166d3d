package trade.caravan.trades.room;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.sourcing.GoverningLaw;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.TradeState;

/** A trade as one of its two organizations sees it in the trade room. */
public record TradeView(TradeId id, String reference, String rfqReference, UUID negotiation, int offerNumber,
        NegotiationParty offeredBy, OrganizationSummary buyer, OrganizationSummary supplier, NegotiationParty side,
        TradeState state, String currency, int digits, long totalMinor, String incoterm, String place, int leadTimeDays,
        @Nullable String packaging, String paymentTerms, List<String> documents, @Nullable String notes,
        Instant acceptedAt, GoverningLaw governingLaw, List<Line> lines, List<Event> timeline) {

    public TradeView {
        documents = List.copyOf(documents);
        lines = List.copyOf(lines);
        timeline = List.copyOf(timeline);
    }

    /** The newest timeline entry's number: a live page asks for the room again only if it has grown. */
    public long lastSeq() {
        return timeline.isEmpty() ? 0 : timeline.getLast().seq();
    }

    /** An agreed line: what, how many, at what unit price, for how much (minor units). */
    public record Line(int number, String description, String hsCode, BigDecimal quantity, String unit,
            long unitPriceMinor, long amountMinor) {
    }

    /** One entry of the trade's timeline; {@code party} is who did it, {@code null} for the platform. */
    public record Event(long seq, String kind, @Nullable NegotiationParty party, Instant at) {
    }
}
