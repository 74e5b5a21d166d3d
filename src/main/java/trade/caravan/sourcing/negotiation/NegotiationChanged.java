package trade.caravan.sourcing.negotiation;

import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.NegotiationId;

/**
 * Something was added to a negotiation's timeline (entry {@code seq}); published in the
 * transaction and handled after commit to tell both parties' open pages.
 */
public record NegotiationChanged(NegotiationId negotiation, OrganizationId buyer, OrganizationId supplier, long seq,
        String kind) {
}
