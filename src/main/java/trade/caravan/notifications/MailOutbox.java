package trade.caravan.notifications;

/**
 * Sends e-mail reliably: {@link #enqueue} stores the mail in the caller's transaction; it is
 * delivered after commit, retried on SMTP failure, and listed on the operator's outbox page.
 * A rolled-back change therefore sends nothing, and a committed one is never lost.
 */
public interface MailOutbox {

    void enqueue(OutgoingMail mail);
}
