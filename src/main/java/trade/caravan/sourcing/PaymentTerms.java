package trade.caravan.sourcing;

/**
 * How the buyer pays. Escrow through Caravan is the default: the buyer funds it before shipment
 * and it is released on delivery. Names are translated under {@code payment-terms.<NAME>}.
 */
public enum PaymentTerms {
    ESCROW, LETTER_OF_CREDIT, DOCUMENTARY_COLLECTION, ADVANCE_PAYMENT, OPEN_ACCOUNT
}
