package trade.caravan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads what the application queued for a recipient in the mail outbox. */
@TestComponent
public class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final JdbcClient jdbc;

    Mailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Mail(String subject, String body) {

        /** The first link in the body that contains {@code path}. */
        public String link(String path) {
            Matcher matcher = LINK.matcher(body);
            while (matcher.find()) {
                if (matcher.group().contains(path)) {
                    return matcher.group();
                }
            }
            throw new AssertionError("No link with " + path + " in: " + body);
        }

        /** The {@code token} query parameter of the first link containing {@code path}. */
        public String token(String path) {
            String link = link(path);
            return link.substring(link.indexOf("token=") + "token=".length());
        }
    }

    public List<Mail> to(String recipient) {
        return jdbc.sql("select subject, text_body from notifications.outbox where recipient = ? order by created_at, id")
                .param(recipient)
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2)))
                .list();
    }

    public Mail last(String recipient) {
        List<Mail> mails = to(recipient);
        assertThat(mails).as("mail to " + recipient).isNotEmpty();
        return mails.getLast();
    }
}
