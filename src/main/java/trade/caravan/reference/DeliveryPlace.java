package trade.caravan.reference;

/**
 * Whether the place named after FCA is the seller's own premises. FCA A2 delivers differently in
 * the two cases: at the seller's premises the seller loads the buyer's vehicle and the risk passes
 * once loaded; anywhere else the seller carries the goods there and the risk passes when they are
 * ready for unloading from the seller's vehicle. The other rules do not depend on it.
 */
public enum DeliveryPlace {
    SELLERS_PREMISES,
    ELSEWHERE
}
