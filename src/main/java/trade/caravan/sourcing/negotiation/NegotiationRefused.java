package trade.caravan.sourcing.negotiation;

import trade.caravan.platform.DomainException;

/** The negotiation's rules do not allow this step now (HTTP 409: the state says why). */
class NegotiationRefused extends DomainException {

    NegotiationRefused(String messageCode, Object... arguments) {
        super(Kind.CONFLICT, messageCode, arguments);
    }
}
