package trade.caravan.notifications.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.notifications.outbox.MailStatus;
import trade.caravan.notifications.outbox.OutboxMail;
import trade.caravan.notifications.outbox.OutboxMails;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;

/**
 * The operator's outbox: every mail the installation sent or tried to send, so the demo works
 * without an SMTP server (verification and reset links can be followed from here). Reachable only
 * from operator addresses ({@link OutboxPagePaths}); absent, hence 404, when
 * {@code caravan.mail.outbox-page.enabled=false}.
 */
@Controller
@RequestMapping("/operator/outbox")
@ConditionalOnBooleanProperty(name = "caravan.mail.outbox-page.enabled", matchIfMissing = true)
class OutboxPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final OutboxMails mails;
    private final ObjectProvider<JavaMailSender> senders;

    OutboxPage(OutboxMails mails, ObjectProvider<JavaMailSender> senders) {
        this.mails = mails;
        this.senders = senders;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit, Model model) {
        int pageSize = CursorPage.limit(limit);
        List<OutboxMail> fetched = mails.newestFirst(Cursor.decode(cursor, 2), pageSize + 1);
        model.addAttribute("page", CursorPage.of(fetched, pageSize, OutboxMails::cursorOf).map(Row::of));
        model.addAttribute("smtpConfigured", senders.getIfUnique() != null);
        return "notifications/outbox";
    }

    @GetMapping("/{id}")
    String mail(@PathVariable UUID id, Model model) {
        OutboxMail mail = mails.find(id).orElseThrow(DomainException::notFound);
        model.addAttribute("mail", Row.of(mail));
        model.addAttribute("textBody", MailBodyText.segments(mail.textBody()));
        model.addAttribute("htmlBody", mail.htmlBody());
        model.addAttribute("lastError", mail.lastError());
        model.addAttribute("nextAttemptAt", time(mail.nextAttemptAt()));
        model.addAttribute("sentAt", time(mail.sentAt()));
        return "notifications/outbox-mail";
    }

    private static @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** A mail as the page shows it. */
    record Row(UUID id, String createdAt, MailStatus status, String recipient, String subject, String category,
            int attempts) {

        static Row of(OutboxMail mail) {
            return new Row(mail.id(), TIME.format(mail.createdAt()), mail.status(), mail.recipient(), mail.subject(),
                    mail.category(), mail.attempts());
        }
    }
}
