package trade.caravan.trades;

/**
 * Where a trade stands. It opens with its contract pending (to be generated and signed by both
 * organizations); funding, shipment, delivery and release follow in later steps.
 */
public enum TradeState {
    CONTRACT_PENDING, CONTRACT_SIGNED
}
