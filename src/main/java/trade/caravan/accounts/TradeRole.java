package trade.caravan.accounts;

/** What an organization does in trade: sells abroad, buys abroad, or both. */
public enum TradeRole {
    EXPORTER, IMPORTER, BOTH
}
