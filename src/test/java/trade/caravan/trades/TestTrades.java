package trade.caravan.trades;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.reference.Incoterm;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.TestTerms;
import trade.caravan.sourcing.negotiation.Negotiating;
import trade.caravan.sourcing.negotiation.Requesting;
import trade.caravan.support.TestAccounts;

/** Trades for tests, opened the real way: an RFQ, a quotation of 12.40 USD FOB Shenzhen, its acceptance. */
public final class TestTrades {

    private TestTrades() {
    }

    /** The buyer's RFQ to the supplier, quoted and accepted; the negotiation. */
    public static NegotiationId accepted(Requesting requesting, Negotiating negotiating, Clock clock,
            TestAccounts.Organization buyer, TestAccounts.Organization supplier) {
        NegotiationId id = quoted(requesting, negotiating, clock, buyer, supplier);
        negotiating.accept(buyer.owner().principal(), id, 1);
        return id;
    }

    /** The buyer's RFQ to the supplier, quoted, and not yet accepted; the negotiation. */
    public static NegotiationId quoted(Requesting requesting, Negotiating negotiating, Clock clock,
            TestAccounts.Organization buyer, TestAccounts.Organization supplier) {
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        negotiating.offer(supplier.owner().principal(), id, TestTerms.offer(clock, 1240, Incoterm.FOB, "CNSZX", 14));
        return id;
    }

    /** The trade the acceptance opened; its listener runs after the commit, on its own thread. */
    public static TradeId awaitTrade(JdbcClient jdbc, NegotiationId negotiation) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var found = jdbc.sql("select id from trades.trades where negotiation_id = ?").param(negotiation.value())
                    .query(UUID.class).optional();
            if (found.isPresent()) {
                return new TradeId(found.get());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No trade opened for " + negotiation + " within 15 s");
    }
}
