package trade.caravan.notifications.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due mails: right after the transaction that enqueued them commits (a nudge), and every
 * {@code caravan.mail.poll-interval} for retries and for mails whose nudge was lost (crash,
 * another node). Each mail is claimed with {@code FOR UPDATE SKIP LOCKED} and sent while its row
 * stays locked, so several pollers on several nodes never send a mail twice at the same time; a
 * crash between the SMTP server's acceptance and the commit of SENT means it is sent again
 * (at least once, never lost).
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** A run ends after this many mails so one node does not hold the scheduler forever; the next run goes on. */
    static final int MAX_PER_RUN = 200;

    private final OutboxMails mails;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;
    private final MimeMails mime;
    private final Clock clock;
    private final TransactionTemplate eachMail;
    private final Executor executor;
    private final ErrorText errors;
    private final AtomicInteger nudges = new AtomicInteger();

    MailDelivery(OutboxMails mails, ObjectProvider<JavaMailSender> senders, MailSettings settings, MimeMails mime,
            Clock clock, PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") Executor executor, Environment environment) {
        this.mails = mails;
        this.senders = senders;
        this.settings = settings;
        this.mime = mime;
        this.clock = clock;
        this.eachMail = new TransactionTemplate(transactions);
        this.eachMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
        this.errors = new ErrorText(environment.getProperty("spring.mail.username"),
                environment.getProperty("spring.mail.password"));
    }

    /**
     * Starts a delivery run in the background, unless one is running: that one then goes round
     * once more, so a burst of commits costs one or two runs, not one each.
     */
    void nudge() {
        if (nudges.getAndIncrement() == 0) {
            try {
                executor.execute(this::drainNudges);
            } catch (RuntimeException e) {
                // refused (shutting down): let the next nudge try again; the poller delivers meanwhile
                nudges.set(0);
                log.warn("Could not start a mail delivery run; the poller will deliver", e);
            }
        }
    }

    private void drainNudges() {
        int seen;
        do {
            seen = nudges.get();
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.warn("Mail delivery run failed; the poller will retry", e);
            }
        } while (!nudges.compareAndSet(seen, 0));
    }

    @Scheduled(fixedDelayString = "${caravan.mail.poll-interval:10s}", initialDelayString = "${caravan.mail.poll-interval:10s}")
    void poll() {
        deliverDue();
    }

    /** Delivers the mails due now, one transaction each; returns how many were handled. */
    int deliverDue() {
        Set<UUID> handled = new HashSet<>();
        while (handled.size() < MAX_PER_RUN) {
            Optional<Attempt> attempt = Optional.ofNullable(eachMail.execute(status -> deliverNext()));
            if (attempt.isEmpty() || !handled.add(attempt.get().mail()) || attempt.get().serverUnreachable()) {
                break;
            }
        }
        return handled.size();
    }

    private @Nullable Attempt deliverNext() {
        Instant now = clock.instant();
        Optional<OutboxMail> due = mails.claimNextDue(now);
        if (due.isEmpty()) {
            return null;
        }
        OutboxMail mail = due.get();
        JavaMailSender sender = senders.getIfUnique();
        if (sender == null) {
            mails.markNotConfigured(mail.id());
            return new Attempt(mail.id(), false);
        }
        int attempts = mail.attempts() + 1;
        try {
            sender.send(mime.compose(sender, mail));
        } catch (MessagingException | RuntimeException e) {
            String error = errors.describe(e);
            if (attempts >= settings.maxAttempts()) {
                log.warn("Giving up mail {} ({}) after {} attempts: {}", mail.id(), mail.category(), attempts, error);
                mails.markFailed(mail.id(), attempts, error);
            } else {
                Instant next = clock.instant().plus(settings.backoffAfter(attempts));
                log.info("Mail {} ({}) not delivered, attempt {} of {}, next at {}: {}", mail.id(), mail.category(),
                        attempts, settings.maxAttempts(), next, error);
                mails.retryLater(mail.id(), attempts, next, error);
            }
            return new Attempt(mail.id(), ErrorText.isConnectionFailure(e));
        }
        mails.markSent(mail.id(), attempts, clock.instant());
        return new Attempt(mail.id(), false);
    }

    /**
     * One mail handled. When the server could not be reached at all, the run stops: the other
     * due mails would fail the same way, and each failure costs them an attempt.
     */
    private record Attempt(UUID mail, boolean serverUnreachable) {
    }
}
