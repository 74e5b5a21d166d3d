package trade.caravan.sourcing;

import java.time.Instant;
import java.util.Objects;

import trade.caravan.shared.OrganizationId;

/**
 * An offer was accepted: the two organizations agreed on {@code terms}. Published in the
 * transaction that records the acceptance and kept in the event publication registry until every
 * listener has completed, so a crash after the commit delays delivery but never loses it.
 * Listeners must be idempotent on {@link #negotiation()} (a restart may deliver an event whose
 * listener had finished but not yet been marked complete).
 *
 * @param offerNumber the accepted offer's number within the negotiation (1 is the first quotation)
 * @param offeredBy   the party that made the offer; the other one accepted it
 * @param governingLaw what the accepting party chose ({@link GoverningLaw#DEFAULT} for events
 *                     recorded before the choice existed)
 */
public record OfferAccepted(NegotiationId negotiation, RfqId rfq, String rfqReference, int offerNumber,
        OrganizationId buyer, OrganizationId supplier, NegotiationParty offeredBy, TermSheet terms,
        Instant acceptedAt, GoverningLaw governingLaw) {

    public OfferAccepted {
        Objects.requireNonNull(negotiation, "negotiation");
        Objects.requireNonNull(rfq, "rfq");
        Objects.requireNonNull(rfqReference, "rfqReference");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(offeredBy, "offeredBy");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        governingLaw = governingLaw == null ? GoverningLaw.DEFAULT : governingLaw;
    }
}
