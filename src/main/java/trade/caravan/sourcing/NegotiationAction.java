package trade.caravan.sourcing;

/** What a party may do in a negotiation: say something, make an offer, or answer the offer on the table. */
public enum NegotiationAction {
    MESSAGE, OFFER, ACCEPT, DECLINE, WITHDRAW
}
