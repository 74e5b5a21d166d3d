package trade.caravan.reference;

/** The two parties of a contract of sale, as the Incoterms® rules name them. */
public enum TradeParty {
    SELLER,
    BUYER
}
