package trade.caravan.notifications.outbox;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caravan.mail.*}. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} nothing is sent and mails are marked {@link MailStatus#NOT_CONFIGURED}.
 *
 * @param from           the From address of every mail
 * @param pollInterval   how often each node looks for mails due (besides the nudge after each commit)
 * @param maxAttempts    attempts before a mail is given up as {@link MailStatus#FAILED}
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff     the longest wait between two attempts
 * @param outboxPage     the operator's outbox page
 */
@ConfigurationProperties("caravan.mail")
record MailSettings(@DefaultValue("Caravan <no-reply@caravan.localhost>") String from,
        @DefaultValue("10s") Duration pollInterval, @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration initialBackoff, @DefaultValue("6h") Duration maxBackoff,
        @DefaultValue OutboxPage outboxPage) {

    MailSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("caravan.mail.max-attempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("caravan.mail.max-backoff must not be shorter than initial-backoff");
        }
        fromAddress(from);
    }

    /** The From address, its display name encoded for a header (UTF-8). */
    InternetAddress fromAddress() {
        return fromAddress(from);
    }

    /** How long to wait after the given number of failed attempts. */
    Duration backoffAfter(int failedAttempts) {
        Duration backoff = initialBackoff;
        for (int i = 1; i < failedAttempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    private static InternetAddress fromAddress(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            return parsed.getPersonal() == null
                    ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("caravan.mail.from is not an e-mail address: " + from, e);
        }
    }

    /** @param enabled whether {@code /operator/outbox} exists at all (404 when not) */
    record OutboxPage(@DefaultValue("true") boolean enabled) {
    }
}
