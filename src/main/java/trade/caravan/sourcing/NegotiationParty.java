package trade.caravan.sourcing;

/** The two sides of a negotiation. */
public enum NegotiationParty {
    BUYER, SUPPLIER;

    public NegotiationParty other() {
        return this == BUYER ? SUPPLIER : BUYER;
    }
}
