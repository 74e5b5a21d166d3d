package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.sourcing.RfqId;

/** One line of a negotiation inbox, from the reader's side. */
public record NegotiationSummary(NegotiationId id, RfqId rfq, String rfqReference, String title,
        NegotiationParty side, String counterpart, NegotiationState state, int offerCount,
        @Nullable LocalDate validUntil, Instant updatedAt, long unread) {
}
