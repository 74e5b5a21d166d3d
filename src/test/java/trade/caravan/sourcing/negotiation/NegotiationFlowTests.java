package trade.caravan.sourcing.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.sourcing.TestTerms;
import trade.caravan.accounts.Role;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.Incoterm;
import trade.caravan.sourcing.NegotiationAction;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Mailbox;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/** The negotiation from RFQ to acceptance through the services, with the rules that guard each step. */
@IntegrationTest
class NegotiationFlowTests {

    @Autowired
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anRfqOpensANegotiationThatEndsInOneAcceptanceAndOneEventDeliveredToBothSides() throws Exception {
        var buyer = accounts.organization(Role.TRADER);
        var supplier = accounts.organization(Role.TRADER);
        var sent = requesting.send(buyer.member(Role.TRADER).principal(), TestTerms.kettles(clock),
                Requesting.Audience.DIRECT, List.of(supplier.id()), List.of());
        assertThat(sent.reference()).matches("RFQ-\\d{4}-\\d{6}");
        NegotiationId id = sent.negotiations().getFirst();
        var sellerSide = supplier.owner().principal();
        var buyerSide = buyer.member(Role.TRADER).principal();

        assertThat(negotiating.view(sellerSide, id, Locale.ENGLISH).state()).isEqualTo(NegotiationState.OPEN);
        assertThat(negotiating.unreadTotal(sellerSide)).isEqualTo(1);
        assertThat(negotiating.view(buyerSide, id, Locale.ENGLISH).actions()).containsExactlyInAnyOrder(
                NegotiationAction.MESSAGE, NegotiationAction.WITHDRAW);

        assertThat(negotiating.offer(sellerSide, id, TestTerms.offer(clock, 1240, Incoterm.FOB, "CNSZX", 14))).isEqualTo(1);
        assertThat(negotiating.offer(buyerSide, id, TestTerms.offer(clock, 1190, Incoterm.CIF, "DEHAM", 14))).isEqualTo(2);

        NegotiationView seen = negotiating.view(sellerSide, id, Locale.ENGLISH);
        assertThat(seen.state()).isEqualTo(NegotiationState.COUNTERED);
        assertThat(seen.latestOffer().changes()).extracting(TermChange::field, TermChange::before, TermChange::after)
                .contains(org.assertj.core.groups.Tuple.tuple("unitPrice", "12.40 USD", "11.90 USD"),
                        org.assertj.core.groups.Tuple.tuple("incoterm", "FOB", "CIF"),
                        org.assertj.core.groups.Tuple.tuple("place", "CNSZX", "DEHAM"));
        assertThat(seen.actions()).contains(NegotiationAction.ACCEPT).doesNotContain(NegotiationAction.WITHDRAW);

        assertThatThrownBy(() -> negotiating.accept(buyerSide, id, 2)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode()).isEqualTo("error.sourcing.own-offer");
        assertThatThrownBy(() -> negotiating.accept(sellerSide, id, 1))
                .extracting(e -> ((DomainException) e).messageCode()).isEqualTo("error.sourcing.offer-superseded");

        negotiating.accept(sellerSide, id, 2);
        NegotiationView accepted = negotiating.view(buyerSide, id, Locale.ENGLISH);
        assertThat(accepted.state()).isEqualTo(NegotiationState.ACCEPTED);
        assertThat(accepted.acceptedOffer()).isEqualTo(2);
        assertThat(accepted.actions()).isEmpty();
        assertThatThrownBy(() -> negotiating.offer(buyerSide, id, TestTerms.offer(clock, 1000, Incoterm.CIF, "DEHAM", 14)))
                .extracting(e -> ((DomainException) e).messageCode()).isEqualTo("error.sourcing.closed");

        // OfferAccepted reaches its listener once, after the commit: both organizations' traders are told
        awaitMail(buyer.member(Role.TRADER).email(), "Offer 2 accepted in " + sent.reference());
        awaitMail(supplier.owner().email(), "Offer 2 accepted in " + sent.reference());
        // one publication per listener: the mail listener's (trades listens too, with its own). Counted
        // in one statement, so in one snapshot: with two, a publication completed (moved to the archive)
        // between them was counted twice, as CI on Debian's PostgreSQL once did
        assertThat(jdbc.sql("""
                        select (select count(*) from event_publication where event_type like '%OfferAccepted'
                                    and listener_id like '%SourcingMails%' and serialized_event like :id)
                             + (select count(*) from event_publication_archive where event_type like '%OfferAccepted'
                                    and listener_id like '%SourcingMails%' and serialized_event like :id)""")
                .param("id", "%" + id + "%").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anOfferPastItsLastDayCannotBeAcceptedAndTheNegotiationExpires() {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        negotiating.offer(supplier.owner().principal(), id, TestTerms.offer(clock, 1240, Incoterm.FOB, "CNSZX", 2));
        clock.advance(Duration.ofDays(4));

        assertThat(negotiating.view(buyer.owner().principal(), id, Locale.ENGLISH).state())
                .isEqualTo(NegotiationState.EXPIRED);
        assertThatThrownBy(() -> negotiating.accept(buyer.owner().principal(), id, 1))
                .extracting(e -> ((DomainException) e).messageCode()).isEqualTo("error.sourcing.expired");
        // the refusal committed the expiry, with an entry in the timeline
        NegotiationView after = negotiating.view(supplier.owner().principal(), id, Locale.ENGLISH);
        assertThat(after.state()).isEqualTo(NegotiationState.EXPIRED);
        assertThat(after.timeline()).extracting(NegotiationView.Event::kind).endsWith("EXPIRED");
        assertThat(after.acceptedOffer()).isNull();
    }

    @Test
    void theSweepExpiresUnansweredRequestsAfterTheirReplyDeadline() {
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        clock.advance(Duration.ofDays(15));
        negotiating.expireDue();
        assertThat(jdbc.sql("select state from sourcing.negotiations where id = ?").param(id.value())
                .query(String.class).single()).isEqualTo("EXPIRED");
    }

    @Test
    void viewersMayReadButNotNegotiate() {
        var buyer = accounts.organization(Role.VIEWER);
        var supplier = accounts.organization();
        NegotiationId id = requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of()).negotiations().getFirst();
        var viewer = buyer.member(Role.VIEWER).principal();
        assertThat(negotiating.view(viewer, id, Locale.ENGLISH).side()).isEqualTo(NegotiationParty.BUYER);
        assertThatThrownBy(() -> negotiating.message(viewer, id, "hello", List.of()))
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
    }

    @Test
    void theDailyRfqLimitIsCountedPerBuyerOrganizationAndSaysWhenTheNextIsAllowed() {
        clock.freeze();
        var buyer = accounts.organization();
        var supplier = accounts.organization();
        for (int i = 0; i < 20; i++) {
            requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                    List.of(supplier.id()), List.of());
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> requesting.send(buyer.owner().principal(), TestTerms.kettles(clock),
                Requesting.Audience.DIRECT, List.of(supplier.id()), List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RATE_LIMITED);
                    assertThat(e.messageCode()).isEqualTo("error.sourcing.rfq-daily-limit");
                    assertThat(e.arguments()).containsExactly(20, 1420L);
                });
        // another buyer is not affected; the first may send again once the oldest RFQ is a day old
        requesting.send(accounts.organization().owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of());
        clock.advance(Duration.ofMinutes(1421));
        requesting.send(buyer.owner().principal(), TestTerms.kettles(clock), Requesting.Audience.DIRECT,
                List.of(supplier.id()), List.of());
    }

    private void awaitMail(String to, String subject) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (mailbox.to(to).stream().anyMatch(m -> m.subject().equals(subject))) {
                assertThat(mailbox.to(to).stream().filter(m -> m.subject().equals(subject))).hasSize(1);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail '" + subject + "' to " + to + "; got " + mailbox.to(to));
    }
}
