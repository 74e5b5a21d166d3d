package trade.caravan.notifications.outbox;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import trade.caravan.notifications.OutgoingMail;
import trade.caravan.platform.DomainException;

/**
 * What the outbox accepts. Recipient and subject become mail headers, so a line break in them
 * would let the text after it add headers or recipients (header injection): refused, as is any
 * other control character, and anything but exactly one recipient address.
 */
final class OutgoingMailPolicy {

    static final int MAX_RECIPIENT = 320;
    static final int MAX_SUBJECT = 255;
    static final int MAX_BODY = 1_000_000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private OutgoingMailPolicy() {
    }

    static void check(OutgoingMail mail) {
        recipient(mail.to());
        if (CONTROL.matcher(mail.subject()).find()) {
            throw invalid("error.mail.subject.line-break");
        }
        if (mail.subject().isBlank()) {
            throw invalid("error.mail.subject.blank");
        }
        if (mail.subject().codePointCount(0, mail.subject().length()) > MAX_SUBJECT) {
            throw invalid("error.mail.subject.too-long", MAX_SUBJECT);
        }
        if (mail.textBody().length() > MAX_BODY || (mail.htmlBody() != null && mail.htmlBody().length() > MAX_BODY)) {
            throw invalid("error.mail.body.too-large", MAX_BODY);
        }
        if (!CATEGORY.matcher(mail.category()).matches()) {
            throw invalid("error.mail.category.invalid");
        }
    }

    private static void recipient(String to) {
        if (CONTROL.matcher(to).find()) {
            throw invalid("error.mail.recipient.line-break");
        }
        if (to.isBlank() || to.length() > MAX_RECIPIENT) {
            throw invalid("error.mail.recipient.invalid");
        }
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parse(to, true);
        } catch (AddressException e) {
            throw invalid("error.mail.recipient.invalid");
        }
        if (addresses.length != 1) {
            throw invalid("error.mail.recipient.not-one");
        }
        InternetAddress address = addresses[0];
        if (address.isGroup() || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw invalid("error.mail.recipient.not-one");
        }
        try {
            address.validate();
        } catch (AddressException e) {
            throw invalid("error.mail.recipient.invalid");
        }
    }

    private static DomainException invalid(String code, Object... arguments) {
        return new DomainException(DomainException.Kind.INVALID, code, arguments);
    }
}
