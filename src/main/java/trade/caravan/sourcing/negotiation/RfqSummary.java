package trade.caravan.sourcing.negotiation;

import java.time.Instant;

import trade.caravan.sourcing.RfqId;

/** One of a buyer's RFQs in a list. */
public record RfqSummary(RfqId id, String reference, String title, String audience, Instant createdAt,
        Instant replyDeadline, long suppliers) {
}
