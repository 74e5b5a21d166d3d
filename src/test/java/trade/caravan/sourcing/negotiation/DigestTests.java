package trade.caravan.sourcing.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.accounts.Role;
import trade.caravan.platform.Tenancy;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.TestTerms;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Mailbox;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * People who were not online when something arrived get one e-mail per run summing up their
 * negotiations' news; authors, readers and people online get none, and nothing is told twice.
 */
@IntegrationTest
class DigestTests {

    @Autowired
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    SourcingMails mails;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    Mailbox mailbox;
    @Autowired
    Tenancy tenancy;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void offlineTradersGetOneBatchedMailAndNothingTwice() {
        var buyer = accounts.organization(Role.TRADER);
        var supplier = accounts.organization(Role.TRADER, Role.VIEWER);
        NegotiationId id = requesting.send(buyer.member(Role.TRADER).principal(), TestTerms.kettles(clock),
                Requesting.Audience.DIRECT, List.of(supplier.id()), List.of()).negotiations().getFirst();
        negotiating.message(buyer.member(Role.TRADER).principal(), id, "Please quote FOB Shenzhen", List.of());
        negotiating.message(buyer.member(Role.TRADER).principal(), id, "and CIF Hamburg", List.of());
        // one of the supplier's traders has read the thread already
        negotiating.markRead(supplier.member(Role.TRADER).principal(), id,
                negotiating.view(supplier.member(Role.TRADER).principal(), id, java.util.Locale.ENGLISH).lastSeq());

        tenancy.callAsSystem(mails::sendDigests);
        assertThat(mailbox.to(supplier.owner().email())).as("too recent to be missed yet").isEmpty();

        clock.advance(Duration.ofMinutes(3));
        tenancy.callAsSystem(mails::sendDigests);
        var digest = mailbox.to(supplier.owner().email());
        assertThat(digest).hasSize(1);
        assertThat(digest.getFirst().subject()).isEqualTo("News in one negotiation");
        assertThat(digest.getFirst().body()).contains("Electric kettles 1.7 l", "3 new entries",
                "/sourcing/negotiations/" + id);
        assertThat(mailbox.to(supplier.member(Role.TRADER).email())).as("read it").isEmpty();
        assertThat(mailbox.to(supplier.member(Role.VIEWER).email())).as("does not trade").isEmpty();
        assertThat(mailbox.to(buyer.member(Role.TRADER).email())).as("wrote it").isEmpty();
        assertThat(mailbox.to(buyer.owner().email())).as("own side wrote it").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        tenancy.callAsSystem(mails::sendDigests);
        assertThat(mailbox.to(supplier.owner().email())).hasSize(1);
    }
}
