package trade.caravan.sourcing.negotiation;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.AcceptedOrders;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.sourcing.ubl.UblExports;

/** The accepted offer, read as it was accepted (offers never change), as a UBL Order. */
@Service
class AcceptedOrderDocuments implements AcceptedOrders {

    private final Negotiations negotiations;
    private final Offers offers;
    private final Rfqs rfqs;
    private final TermsJson json;
    private final OrganizationDirectory directory;
    private final UblExports ubl;

    AcceptedOrderDocuments(Negotiations negotiations, Offers offers, Rfqs rfqs, TermsJson json,
            OrganizationDirectory directory, UblExports ubl) {
        this.negotiations = negotiations;
        this.offers = offers;
        this.rfqs = rfqs;
        this.json = json;
        this.directory = directory;
        this.ubl = ubl;
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] ublOrder(NegotiationId id, String orderId, Instant acceptedAt) {
        Negotiation negotiation = negotiations.findById(id.value())
                .orElseThrow(() -> new IllegalStateException("No negotiation " + id));
        Integer number = negotiation.acceptedOffer();
        if (negotiation.state() != NegotiationState.ACCEPTED || number == null) {
            throw new IllegalStateException("Negotiation " + id + " has no accepted offer");
        }
        Offer offer = offers.findById(new Offer.Key(id.value(), number)).orElseThrow();
        Rfq rfq = rfqs.findById(negotiation.rfq().value()).orElseThrow();
        return ubl.order(id, orderId, rfq.reference(), number, acceptedAt, json.termSheet(offer.termsJson()),
                organization(negotiation.buyer()), organization(negotiation.supplier()));
    }

    private OrganizationSummary organization(OrganizationId id) {
        return directory.find(id).orElseThrow(() -> new IllegalStateException("No organization " + id));
    }
}
