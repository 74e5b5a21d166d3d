package trade.caravan.sourcing;

/**
 * The law that governs the contract, chosen by the party that accepts the offer (the other party
 * agrees to it, or not, by signing the contract). The CISG (Vienna 1980) applies to sales between
 * parties in its contracting states unless the parties exclude it; the first two choices keep it
 * and name the law for what it does not settle, the last two exclude it.
 */
public enum GoverningLaw {
    /** The CISG; for what it does not settle, the law of the seller's country (the default). */
    CISG_SELLER,
    /** The CISG; for what it does not settle, the law of the buyer's country. */
    CISG_BUYER,
    /** The law of the seller's country, the CISG excluded. */
    SELLER_LAW,
    /** The law of the buyer's country, the CISG excluded. */
    BUYER_LAW;

    public static final GoverningLaw DEFAULT = CISG_SELLER;
}
