package trade.caravan.sourcing.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.sourcing.RfqId;

/** The negotiation's key rules, one example each (the properties next door try them at random). */
class NegotiationTests {

    private static final NegotiationParty BUYER = NegotiationParty.BUYER;
    private static final NegotiationParty SUPPLIER = NegotiationParty.SUPPLIER;

    /** Tuesday 10 March 2026, 09:00 UTC; the supplier has two days to quote. */
    private final Instant now = Instant.parse("2026-03-10T09:00:00Z");
    private final LocalDate today = LocalDate.parse("2026-03-10");
    private final Negotiation negotiation = new Negotiation(new NegotiationId(UUID.randomUUID()),
            new RfqId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()),
            now.plus(Duration.ofDays(2)), now);

    @Test
    void theSupplierQuotesFirst() {
        assertThatThrownBy(() -> negotiation.offer(BUYER, today.plusDays(5), now))
                .isInstanceOfSatisfying(NegotiationRefused.class,
                        e -> assertThat(e.messageCode()).isEqualTo("error.sourcing.quotation-first"));
        assertThat(negotiation.state()).isEqualTo(NegotiationState.OPEN);
        assertThat(negotiation.offerCount()).isZero();

        assertThat(negotiation.offer(SUPPLIER, today.plusDays(5), now)).isEqualTo(1);
        assertThat(negotiation.state()).isEqualTo(NegotiationState.QUOTED);
        assertThat(negotiation.offer(BUYER, today.plusDays(5), now)).isEqualTo(2);
        assertThat(negotiation.state()).isEqualTo(NegotiationState.COUNTERED);
    }

    @Test
    void theBuyerCannotAcceptItsOwnCounterOffer() {
        negotiation.offer(SUPPLIER, today.plusDays(5), now);
        int counter = negotiation.offer(BUYER, today.plusDays(5), now);

        assertThatThrownBy(() -> negotiation.accept(BUYER, counter, now))
                .isInstanceOfSatisfying(NegotiationRefused.class,
                        e -> assertThat(e.messageCode()).isEqualTo("error.sourcing.own-offer"));
        assertThat(negotiation.state()).isEqualTo(NegotiationState.COUNTERED);
        assertThat(negotiation.acceptedOffer()).isNull();

        negotiation.accept(SUPPLIER, counter, now);
        assertThat(negotiation.state()).isEqualTo(NegotiationState.ACCEPTED);
        assertThat(negotiation.acceptedOffer()).isEqualTo(2);
        assertThat(negotiation.closedBy()).isEqualTo(SUPPLIER);
    }

    @Test
    void aSupersededOfferNumberIsRefused() {
        int quotation = negotiation.offer(SUPPLIER, today.plusDays(5), now);
        negotiation.offer(SUPPLIER, today.plusDays(7), now.plusSeconds(60)); // the supplier revises its quotation

        assertThatThrownBy(() -> negotiation.accept(BUYER, quotation, now.plusSeconds(120)))
                .isInstanceOfSatisfying(NegotiationRefused.class,
                        e -> assertThat(e.messageCode()).isEqualTo("error.sourcing.offer-superseded"));
        assertThat(negotiation.state()).isEqualTo(NegotiationState.COUNTERED);
        assertThat(negotiation.acceptedOffer()).isNull();
    }

    @Test
    void anOfferIsGoodThroughItsLastValidDayInUtc() {
        negotiation.offer(SUPPLIER, today.plusDays(1), now);

        negotiation.accept(BUYER, 1, Instant.parse("2026-03-11T23:59:59Z"));

        assertThat(negotiation.state()).isEqualTo(NegotiationState.ACCEPTED);
    }

    @Test
    void anExpiredOfferCannotBeAcceptedAndTheNegotiationBecomesExpired() {
        negotiation.offer(SUPPLIER, today.plusDays(1), now);
        var dayAfter = Instant.parse("2026-03-12T00:00:00Z");
        assertThat(negotiation.actionsFor(BUYER, dayAfter)).isEmpty();

        assertThatThrownBy(() -> negotiation.accept(BUYER, 1, dayAfter)).isInstanceOf(NegotiationExpired.class);

        assertThat(negotiation.state()).isEqualTo(NegotiationState.EXPIRED);
        assertThat(negotiation.acceptedOffer()).isNull();
        assertThatThrownBy(() -> negotiation.accept(BUYER, 1, dayAfter))
                .isInstanceOfSatisfying(NegotiationRefused.class,
                        e -> assertThat(e.messageCode()).isEqualTo("error.sourcing.closed"));
    }

    @Test
    void anRfqUnansweredPastItsReplyDeadlineExpires() {
        var afterDeadline = negotiation.replyDeadline().plusSeconds(1);

        assertThat(negotiation.expireIfDue(negotiation.replyDeadline())).isFalse();
        assertThatThrownBy(() -> negotiation.offer(SUPPLIER, today.plusDays(5), afterDeadline))
                .isInstanceOf(NegotiationExpired.class);
        assertThat(negotiation.state()).isEqualTo(NegotiationState.EXPIRED);
        assertThat(negotiation.offerCount()).isZero();
    }

    @Test
    void acceptedDeclinedWithdrawnAndExpiredAreFinal() {
        var later = now.plusSeconds(60);
        List<Consumer<Negotiation>> endings = List.of(
                n -> n.accept(BUYER, n.offer(SUPPLIER, today.plusDays(5), now), now),
                n -> n.decline(BUYER, now),
                n -> n.withdraw(SUPPLIER, now),
                n -> n.expireIfDue(now.plus(Duration.ofDays(10))));
        for (var ending : endings) {
            var n = new Negotiation(negotiation.id(), negotiation.rfq(), negotiation.buyer(), negotiation.supplier(),
                    negotiation.replyDeadline(), now);
            n.offer(SUPPLIER, today.plusDays(5), now);
            ending.accept(n);
            var state = n.state();
            assertThat(state.isFinal()).isTrue();
            int offers = n.offerCount();

            for (var party : NegotiationParty.values()) {
                assertThat(n.actionsFor(party, later)).isEmpty();
                List<Runnable> attempts = List.of(() -> n.offer(party, today.plusDays(5), later),
                        () -> n.accept(party, n.offerCount(), later), () -> n.decline(party, later),
                        () -> n.withdraw(party, later));
                for (var attempt : attempts) {
                    assertThatThrownBy(attempt::run).isExactlyInstanceOf(NegotiationRefused.class);
                }
            }
            assertThat(n.expireIfDue(later.plus(Duration.ofDays(30)))).isFalse();
            assertThat(n.state()).isEqualTo(state);
            assertThat(n.offerCount()).isEqualTo(offers);
        }
    }
}
