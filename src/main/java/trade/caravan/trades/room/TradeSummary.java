package trade.caravan.trades.room;

import java.time.Instant;

import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.TradeState;

/** A line of the trades list, as one of the two organizations sees it; {@code digits}: the currency's minor digits. */
public record TradeSummary(TradeId id, String reference, String title, String counterpart, NegotiationParty side,
        TradeState state, String currency, int digits, long totalMinor, Instant createdAt) {
}
