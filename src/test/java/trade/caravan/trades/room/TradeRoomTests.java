package trade.caravan.trades.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.accounts.Role;
import trade.caravan.reference.Incoterm;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.GoverningLaw;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.OfferAccepted;
import trade.caravan.sourcing.TestTerms;
import trade.caravan.sourcing.negotiation.Negotiating;
import trade.caravan.sourcing.negotiation.Requesting;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.TradeState;
import trade.caravan.trades.TestTrades;

/**
 * An accepted offer opens one trade with the agreed terms and lines, whatever the number of
 * deliveries of {@code OfferAccepted}; its two organizations see it on their pages and over the
 * API, and nobody else does, by any path.
 */
@IntegrationTest
class TradeRoomTests {

    @Autowired
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    TradeRoom room;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void anAcceptedOfferOpensOneTradeWithTheAgreedTerms() throws Exception {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        NegotiationId negotiation = accepted(buyer, supplier);
        TradeId id = awaitTrade(negotiation);

        TradeView trade = room.find(buyer.owner().principal(), id);
        assertThat(trade.reference()).matches("TRD-\\d{4}-\\d{6}");
        assertThat(trade.state()).isEqualTo(TradeState.CONTRACT_PENDING);
        assertThat(trade.side()).isEqualTo(NegotiationParty.BUYER);
        assertThat(trade.buyer().id()).isEqualTo(buyer.id());
        assertThat(trade.supplier().id()).isEqualTo(supplier.id());
        assertThat(trade.offerNumber()).isEqualTo(1);
        assertThat(trade.offeredBy()).isEqualTo(NegotiationParty.SUPPLIER);
        assertThat(trade.incoterm()).isEqualTo("FOB");
        assertThat(trade.place()).isEqualTo("CNSZX");
        assertThat(trade.lines()).hasSize(1);
        assertThat(trade.lines().getFirst().unitPriceMinor()).isEqualTo(1240);
        assertThat(trade.totalMinor()).isEqualTo(trade.lines().stream().mapToLong(TradeView.Line::amountMinor).sum());
        assertThat(trade.timeline()).extracting(TradeView.Event::kind).containsExactly("OPENED");
        assertThat(trade.timeline().getFirst().party()).isEqualTo(NegotiationParty.BUYER);
        assertThat(room.find(supplier.owner().principal(), id).side()).isEqualTo(NegotiationParty.SUPPLIER);

        // a second delivery for the same negotiation (a restart's redelivery) opens nothing and changes nothing
        TradeView sameTrade = room.find(buyer.owner().principal(), id);
        assertThat(room.open(eventOf(trade, negotiation, buyer.id(), supplier.id()))).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from trades.trades where negotiation_id = ?").param(negotiation.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(room.find(buyer.owner().principal(), id)).isEqualTo(sameTrade);
    }

    @Test
    void onlyTheTwoOrganizationsSeeTheTrade() throws Exception {
        var buyer = accounts.organization(Role.TRADER);
        var supplier = accounts.organization();
        var outsider = accounts.organization();
        TradeId id = awaitTrade(accepted(buyer, supplier));

        mvc.perform(get("/trades").with(authentication(buyer.member(Role.TRADER).authentication())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/trades/" + id)));
        mvc.perform(get("/trades/" + id).with(authentication(supplier.owner().authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(buyer.name())))
                .andExpect(content().string(containsString("contract pending")))
                .andExpect(content().string(containsString("12.40\u00a0USD")));
        mvc.perform(get("/api/v1/trades/" + id).with(authentication(buyer.owner().authentication())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CONTRACT_PENDING"))
                .andExpect(jsonPath("$.lines[0].unitPriceMinor").value(1240));

        for (String path : List.of("/trades/" + id, "/api/v1/trades/" + id, "/trades/" + UUID.randomUUID())) {
            mvc.perform(get(path).with(authentication(outsider.owner().authentication())))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(buyer.name()))));
        }
        mvc.perform(get("/trades").with(authentication(outsider.owner().authentication())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/trades/" + id))))
                .andExpect(content().string(containsString("No trades yet")));
        mvc.perform(get("/api/v1/trades").with(authentication(outsider.owner().authentication())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(id.toString()))));
        mvc.perform(get("/trades/" + id)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/trades/" + id)).andExpect(status().isUnauthorized());
    }

    @Test
    void theTradeRoomSpeaksChinese() throws Exception {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        TradeId id = awaitTrade(accepted(buyer, supplier));
        mvc.perform(get("/trades/" + id).with(authentication(buyer.owner().authentication()))
                        .locale(Locale.SIMPLIFIED_CHINESE).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("合同待签")))
                .andExpect(content().string(containsString("约定条款")))
                .andExpect(content().string(containsString("您向 " + supplier.name() + " 购买。")));
    }

    private NegotiationId accepted(TestAccounts.Organization buyer, TestAccounts.Organization supplier) {
        return TestTrades.accepted(requesting, negotiating, clock, buyer, supplier);
    }

    private OfferAccepted eventOf(TradeView trade, NegotiationId negotiation, trade.caravan.shared.OrganizationId buyer,
            trade.caravan.shared.OrganizationId supplier) {
        return new OfferAccepted(negotiation, new trade.caravan.sourcing.RfqId(UUID.randomUUID()), trade.rfqReference(), 1,
                buyer, supplier, NegotiationParty.SUPPLIER, TestTerms.offer(clock, 999, Incoterm.CIF, "DEHAM", 14),
                clock.instant(), GoverningLaw.DEFAULT);
    }

    private TradeId awaitTrade(NegotiationId negotiation) throws InterruptedException {
        return TestTrades.awaitTrade(jdbc, negotiation);
    }
}
