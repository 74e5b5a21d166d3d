package trade.caravan.sourcing.negotiation;

/**
 * The offer on the table (or the RFQ's reply deadline) has passed. The negotiation is marked
 * expired in the same transaction, which commits despite this exception.
 */
class NegotiationExpired extends NegotiationRefused {

    NegotiationExpired() {
        super("error.sourcing.expired");
    }
}
