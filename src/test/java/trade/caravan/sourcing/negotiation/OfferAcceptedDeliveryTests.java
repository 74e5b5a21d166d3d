package trade.caravan.sourcing.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import trade.caravan.sourcing.TestTerms;
import trade.caravan.reference.Incoterm;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Mailbox;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * {@code OfferAccepted} is delivered once even when the application stops between the commit of
 * the acceptance and the end of the listener. The acceptance and its event publication commit
 * together; while the listener cannot finish (here: blocked on a table lock, as if the process had
 * died mid-way), the publication stays incomplete in the registry, which is what a restart finds
 * and delivers again ({@code spring.modulith.events.republish-outstanding-events-on-restart}). The
 * second delivery then meets the first's work and does nothing twice.
 */
@IntegrationTest
class OfferAcceptedDeliveryTests {

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
    DataSource dataSource;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    Mailbox mailbox;

    @Test
    void anAcceptanceWhoseListenerNeverFinishedIsDeliveredAgainAndTakesEffectOnce() throws Exception {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        negotiating.offer(supplier.owner().principal(), id, TestTerms.offer(clock, 1240, Incoterm.FOB, "CNSZX", 14));

        CompletableFuture<Void> redelivery;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table sourcing.acceptance_notices in access exclusive mode");

            negotiating.accept(buyer.owner().principal(), id, 1);
            // committed: the acceptance and, beside it, the still incomplete publication of its event
            assertThat(jdbc.sql("select state from sourcing.negotiations where id = ?").param(id.value())
                    .query(String.class).single()).isEqualTo("ACCEPTED");
            awaitTrue(() -> incompletePublications(id) == 1);
            assertThat(mailbox.to(buyer.owner().email())).noneMatch(m -> m.subject().contains("accepted"));

            // what a restart does with it: deliver it again (this delivery blocks on the same lock)
            redelivery = CompletableFuture.runAsync(() -> incomplete.resubmitIncompletePublications(
                    publication -> publication.getEvent().toString().contains(id.toString())));
            Thread.sleep(200);
            blocker.rollback();
        }
        redelivery.get();
        awaitTrue(() -> incompletePublications(id) == 0);
        awaitTrue(() -> mailbox.to(supplier.owner().email()).stream().anyMatch(m -> m.subject().contains("accepted")));
        Thread.sleep(300);
        assertThat(mailbox.to(buyer.owner().email())).filteredOn(m -> m.subject().contains("accepted")).hasSize(1);
        assertThat(mailbox.to(supplier.owner().email())).filteredOn(m -> m.subject().contains("accepted")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from sourcing.acceptance_notices where negotiation_id = ?")
                .param(id.value()).query(Long.class).single()).isEqualTo(1);
    }

    private long incompletePublications(NegotiationId id) {
        return jdbc.sql("""
                        select count(*) from event_publication where event_type like '%OfferAccepted'
                        and listener_id like '%SourcingMails%' and serialized_event like ? and completion_date is null""")
                .param("%" + id + "%").query(Long.class).single();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
