package trade.caravan.sourcing;

/**
 * Where a negotiation stands. {@code OPEN}: the supplier has been asked and has not quoted yet;
 * {@code QUOTED}: the supplier's first quotation is on the table; {@code COUNTERED}: a later offer,
 * from either side, is on the table. The last four are final: nothing changes a negotiation
 * once it is accepted, declined, withdrawn or expired. Names are translated under
 * {@code negotiation.state.<NAME>}.
 */
public enum NegotiationState {
    OPEN, QUOTED, COUNTERED, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED;

    public boolean isFinal() {
        return this == ACCEPTED || this == DECLINED || this == WITHDRAWN || this == EXPIRED;
    }

    /** Whether an offer is on the table, waiting for the other party's answer. */
    public boolean hasPendingOffer() {
        return this == QUOTED || this == COUNTERED;
    }
}
