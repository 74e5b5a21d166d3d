package trade.caravan.notifications.outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import trade.caravan.notifications.MailOutbox;
import trade.caravan.notifications.OutgoingMail;

/**
 * Stores the mail in the caller's transaction and nudges the delivery once it commits.
 *
 * <p>{@code REQUIRED}, not {@code MANDATORY}: a mail that belongs to a change (an invitation,
 * a verification e-mail at sign-up) is stored in that change's transaction and vanishes with
 * its rollback; a mail that belongs to no change (a "send the link again" button) may be
 * enqueued without one and is committed on its own.
 */
@Service
class TransactionalMailOutbox implements MailOutbox {

    private final OutboxMails mails;
    private final MailDelivery delivery;
    private final Clock clock;
    private final SecureRandom random;

    TransactionalMailOutbox(OutboxMails mails, MailDelivery delivery, Clock clock, SecureRandom random) {
        this.mails = mails;
        this.delivery = delivery;
        this.clock = clock;
        this.random = random;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void enqueue(OutgoingMail mail) {
        OutgoingMailPolicy.check(mail);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        mails.add(timeOrderedId(now), now, mail.to().strip(), mail.subject(), mail.textBody(), mail.htmlBody(),
                mail.category());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.nudge();
            }
        });
    }

    /** A version 7 UUID (RFC 9562): time-ordered, so new rows land at the end of the primary key index. */
    private UUID timeOrderedId(Instant now) {
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
