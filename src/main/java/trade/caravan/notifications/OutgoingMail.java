package trade.caravan.notifications;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail to send, already rendered in the recipient's language by the module that sends it.
 *
 * @param to       one recipient address
 * @param subject  subject line (plain text)
 * @param textBody plain-text body (always present)
 * @param htmlBody optional HTML alternative
 * @param category short machine name of the kind of mail ("email-verification", "invitation", ...)
 */
public record OutgoingMail(String to, String subject, String textBody, @Nullable String htmlBody, String category) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(category, "category");
    }
}
