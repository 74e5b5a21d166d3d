package trade.caravan.sourcing;

import java.time.Instant;

/**
 * The accepted offer of a negotiation as a UBL 2.3 {@code Order}, validated against the OASIS
 * schema: what the trade workflow puts inside the contract. For system use by a caller that has
 * already checked who may see the trade; refused ({@code IllegalStateException}) for a negotiation
 * that has no accepted offer.
 */
public interface AcceptedOrders {

    /** The UBL Order of the offer accepted in {@code negotiation}, with ID {@code orderId}, issued when it was accepted. */
    byte[] ublOrder(NegotiationId negotiation, String orderId, Instant acceptedAt);
}
