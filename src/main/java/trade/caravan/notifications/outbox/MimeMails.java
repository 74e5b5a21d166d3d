package trade.caravan.notifications.outbox;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Turns an outbox mail into a MIME message: UTF-8 throughout, text and HTML as alternatives. */
@Component
class MimeMails {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final MailSettings settings;
    private final Clock clock;

    MimeMails(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    MimeMessage compose(JavaMailSender sender, OutboxMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(settings.fromAddress());
        message.setRecipient(Message.RecipientType.TO, recipient(mail.recipient()));
        // RFC 2047 encoded words: a Chinese subject arrives intact through any server
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        // RFC 3834: machine-generated, so auto-responders do not answer it
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.htmlBody() == null) {
            message.setText(mail.textBody(), UTF_8);
        } else {
            // RFC 2046 multipart/alternative: the plain text first, the preferred HTML last
            var text = new MimeBodyPart();
            text.setText(mail.textBody(), UTF_8);
            var html = new MimeBodyPart();
            html.setText(mail.htmlBody(), UTF_8, "html");
            var alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
        }
        return message;
    }

    private static InternetAddress recipient(String recipient) throws MessagingException {
        InternetAddress address = new InternetAddress(recipient, true);
        if (address.getPersonal() == null) {
            return address;
        }
        try {
            return new InternetAddress(address.getAddress(), address.getPersonal(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("Every Java platform supports UTF-8", e);
        }
    }
}
