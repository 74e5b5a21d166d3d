package trade.caravan.notifications.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import trade.caravan.platform.Cursor;

/** The outbox table. Mails are not tenant-owned: only the operator and the delivery see them. */
@Repository
public class OutboxMails {

    private static final String COLUMNS = """
            id, created_at, recipient, subject, text_body, html_body, category, status, attempts,
            next_attempt_at, last_error, sent_at""";

    private final JdbcClient jdbc;

    OutboxMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID id, Instant createdAt, String recipient, String subject, String textBody,
            @Nullable String htmlBody, String category) {
        jdbc.sql("""
                insert into notifications.outbox (id, created_at, recipient, subject, text_body, html_body, category,
                                                   status, attempts, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""")
                .params(id, time(createdAt), recipient, subject, textBody, htmlBody, category, time(createdAt))
                .update();
    }

    /**
     * Locks the next mail due for delivery, skipping mails another node is delivering right now;
     * the lock lasts until the caller's transaction ends, so no mail is sent twice at once.
     */
    Optional<OutboxMail> claimNextDue(Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                 from notifications.outbox
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id
                limit 1
                for update skip locked""")
                .param(time(now))
                .query(OutboxMails::mail)
                .optional();
    }

    void markSent(UUID id, int attempts, Instant sentAt) {
        jdbc.sql("""
                update notifications.outbox
                set status = 'SENT', attempts = ?, sent_at = ?, next_attempt_at = null
                where id = ?""")
                .params(attempts, time(sentAt), id)
                .update();
    }

    void retryLater(UUID id, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("update notifications.outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, time(nextAttemptAt), error, id)
                .update();
    }

    void markFailed(UUID id, int attempts, String error) {
        jdbc.sql("""
                update notifications.outbox
                set status = 'FAILED', attempts = ?, last_error = ?, next_attempt_at = null
                where id = ?""")
                .params(attempts, error, id)
                .update();
    }

    void markNotConfigured(UUID id) {
        jdbc.sql("update notifications.outbox set status = 'NOT_CONFIGURED', next_attempt_at = null where id = ?")
                .param(id)
                .update();
    }

    /** Up to {@code count} mails older than the cursor (or the newest), newest first. */
    public List<OutboxMail> newestFirst(@Nullable Cursor after, int count) {
        if (after == null) {
            return jdbc.sql("select " + COLUMNS + " from notifications.outbox order by created_at desc, id desc limit ?")
                    .param(count)
                    .query(OutboxMails::mail)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + """
                 from notifications.outbox
                where (created_at, id) < (?, ?)
                order by created_at desc, id desc
                limit ?""")
                .params(time(after.instantAt(0)), after.uuidAt(1), count)
                .query(OutboxMails::mail)
                .list();
    }

    public Optional<OutboxMail> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.outbox where id = ?")
                .param(id)
                .query(OutboxMails::mail)
                .optional();
    }

    /** The cursor of a mail in {@link #newestFirst}. */
    public static Cursor cursorOf(OutboxMail mail) {
        return Cursor.of(mail.createdAt().toString(), mail.id().toString());
    }




    private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(rs.getObject("id", UUID.class), instant(rs, "created_at"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getString("category"), MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "sent_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
