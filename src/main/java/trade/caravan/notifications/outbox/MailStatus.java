package trade.caravan.notifications.outbox;

/** Where a mail of the outbox stands. Message keys {@code outbox.status.<NAME>} translate them. */
public enum MailStatus {
    /** Waiting for its first or next delivery attempt. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Refused or undeliverable {@code caravan.mail.max-attempts} times; not tried again. */
    FAILED,
    /** No SMTP server is configured; kept for the operator's outbox page instead. */
    NOT_CONFIGURED
}
