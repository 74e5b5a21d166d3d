package trade.caravan.sourcing.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.TestTerms;
import trade.caravan.sourcing.negotiation.Negotiating;
import trade.caravan.sourcing.negotiation.Requesting;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * The live channel carries a negotiation's news to both of its organizations' open streams, and
 * to nobody else's: another organization's stream stays silent, and its subscription to the
 * negotiation itself is refused.
 */
@IntegrationTest
class LiveChannelTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Negotiating negotiating;
    @Autowired
    LiveHub hub;
    @Autowired
    Requesting requesting;
    @Autowired
    TestClock clock;

    @Test
    void bothPartiesHearOfANewMessageAndAnOutsiderHearsNothing() throws Exception {
        var pair = pair();
        var outsider = accounts.organization();
        MockHttpServletResponse buyerStream = open("/sourcing/live", pair.buyer().owner());
        MockHttpServletResponse supplierStream = open("/api/v1/negotiations/" + pair.id() + "/live", pair.supplier().owner());
        MockHttpServletResponse outsiderStream = open("/sourcing/live", outsider.owner());
        assertThat(hub.isOnline(pair.buyer().owner().user().id())).isTrue();

        negotiating.message(pair.buyer().owner().principal(), pair.id(), "Can you do 11.90?", List.of());

        String event = "\"negotiation\":\"" + pair.id() + "\"";
        await(() -> supplierStream.getContentAsString().contains(event) && buyerStream.getContentAsString().contains(event));
        assertThat(supplierStream.getContentAsString()).contains("event:negotiation", "\"kind\":\"MESSAGE\"")
                .doesNotContain("11.90");
        Thread.sleep(200);
        assertThat(outsiderStream.getContentAsString()).contains("event:ready").doesNotContain(pair.id().toString());
    }

    @Test
    void aSubscriptionToAnotherOrganizationsNegotiationIsRefused() throws Exception {
        var pair = pair();
        var outsider = accounts.organization();
        mvc.perform(get("/api/v1/negotiations/" + pair.id() + "/live").with(authentication(outsider.owner().authentication())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sourcing/negotiations/" + pair.id() + "/live").with(authentication(outsider.owner().authentication())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/live")).andExpect(status().isUnauthorized());
        assertThat(negotiating.view(pair.buyer().owner().principal(), pair.id(), Locale.ENGLISH)).isNotNull();
    }

    private MockHttpServletResponse open(String path, TestAccounts.Member member) throws Exception {
        return mvc.perform(get(path).with(authentication(member.authentication())))
                .andExpect(request().asyncStarted()).andReturn().getResponse();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No live event within 10 s");
            }
            Thread.sleep(25);
        }
    }

    private Pair pair() {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        return new Pair(buyer, supplier, id);
    }

    /** A negotiation between two fresh organizations. */
    record Pair(TestAccounts.Organization buyer, TestAccounts.Organization supplier, NegotiationId id) {
    }
}
