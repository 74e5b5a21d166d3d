package trade.caravan.sourcing.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.sourcing.TestTerms;
import trade.caravan.accounts.Role;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.Incoterm;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * Both sides answering at the same instant, on real PostgreSQL: of an acceptance and a rival
 * answer (another acceptance by a colleague, a counter-offer, a withdrawal) exactly one applies,
 * the other is refused, and exactly one OfferAccepted is published when the acceptance wins.
 */
@IntegrationTest
class ConcurrentAnswersTests {

    static final int ROUNDS = 8;

    @Autowired
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void twoMembersAcceptingTheSameOfferAtOnceMakeOneAcceptance() throws Exception {
        var buyer = accounts.organization(Role.TRADER, Role.ADMIN);
        var supplier = accounts.organization();
        for (int round = 0; round < ROUNDS; round++) {
            NegotiationId id = quoted(buyer, supplier);
            List<Outcome> outcomes = race(
                    () -> negotiating.accept(buyer.member(Role.TRADER).principal(), id, 1),
                    () -> negotiating.accept(buyer.member(Role.ADMIN).principal(), id, 1));
            assertThat(outcomes.stream().filter(Outcome::applied)).hasSize(1);
            assertThat(outcomes.stream().filter(o -> !o.applied()).map(Outcome::refusal))
                    .containsExactly("error.sourcing.closed");
            assertOneAcceptance(id);
        }
    }

    @Test
    void concurrentAcceptRequestsOverTheApiAnswerOneNoContentAndOneConflict() throws Exception {
        var buyer = accounts.organization(Role.TRADER, Role.ADMIN);
        var supplier = accounts.organization();
        for (int round = 0; round < ROUNDS; round++) {
            NegotiationId id = quoted(buyer, supplier);
            var statuses = java.util.Collections.synchronizedList(new ArrayList<Integer>());
            race(() -> statuses.add(accept(buyer.member(Role.TRADER), id)),
                    () -> statuses.add(accept(buyer.member(Role.ADMIN), id)));
            assertThat(statuses).containsExactlyInAnyOrder(204, 409);
            assertOneAcceptance(id);
        }
    }

    private int accept(TestAccounts.Member member, NegotiationId id) {
        try {
            return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .post("/api/v1/negotiations/" + id + "/accept")
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"offer\":1}")
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .authentication(member.authentication())))
                    .andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAcceptanceRacingACounterOfferOrAWithdrawalLeavesExactlyOneOfThem() throws Exception {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            NegotiationId id = quoted(buyer, supplier);
            boolean withdraw = round % 2 == 0;
            List<Outcome> outcomes = race(
                    () -> negotiating.accept(buyer.owner().principal(), id, 1),
                    withdraw ? () -> negotiating.withdraw(supplier.owner().principal(), id, null)
                            : () -> negotiating.offer(supplier.owner().principal(), id,
                                    TestTerms.offer(clock, 1300, Incoterm.FOB, "CNSZX", 14)));
            assertThat(outcomes.stream().filter(Outcome::applied)).hasSize(1);
            NegotiationState state = negotiating.view(buyer.owner().principal(), id, Locale.ENGLISH).state();
            if (outcomes.getFirst().applied()) {
                accepted++;
                assertThat(state).isEqualTo(NegotiationState.ACCEPTED);
                assertOneAcceptance(id);
            } else {
                assertThat(state).isEqualTo(withdraw ? NegotiationState.WITHDRAWN : NegotiationState.COUNTERED);
                assertThat(outcomes.getFirst().refusal()).isIn("error.sourcing.closed", "error.sourcing.offer-superseded");
                assertThat(publications(id)).isZero();
            }
        }
        assertThat(accepted).isBetween(0, ROUNDS);
    }

    private void assertOneAcceptance(NegotiationId id) {
        assertThat(jdbc.sql("select count(*) from sourcing.timeline where negotiation_id = ? and kind = 'ACCEPTED'")
                .param(id.value()).query(Long.class).single()).isEqualTo(1);
        assertThat(publications(id)).isEqualTo(1);
    }

    /** Publications of OfferAccepted for the mail listener (each listener gets its own; trades listens too). */
    private long publications(NegotiationId id) {
        return jdbc.sql("""
                        select (select count(*) from event_publication where event_type like '%OfferAccepted'
                                    and listener_id like '%SourcingMails%' and serialized_event like :id)
                             + (select count(*) from event_publication_archive where event_type like '%OfferAccepted'
                                    and listener_id like '%SourcingMails%' and serialized_event like :id)""")
                .param("id", "%" + id + "%").query(Long.class).single();
    }

    private NegotiationId quoted(TestAccounts.Organization buyer, TestAccounts.Organization supplier) {
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        negotiating.offer(supplier.owner().principal(), id, TestTerms.offer(clock, 1240, Incoterm.FOB, "CNSZX", 14));
        return id;
    }

    record Outcome(boolean applied, String refusal) {
    }

    interface Step {
        void run();
    }

    /** Runs both steps released at the same moment from two threads; says what became of each. */
    private static List<Outcome> race(Step first, Step second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            var barrier = new CyclicBarrier(2);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Step step : List.of(first, second)) {
                Callable<Outcome> task = () -> {
                    barrier.await();
                    try {
                        step.run();
                        return new Outcome(true, "");
                    } catch (DomainException refused) {
                        return new Outcome(false, refused.messageCode());
                    }
                };
                futures.add(threads.submit(task));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
