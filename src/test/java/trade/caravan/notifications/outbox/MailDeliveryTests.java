package trade.caravan.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import trade.caravan.notifications.MailOutbox;
import trade.caravan.notifications.OutgoingMail;
import trade.caravan.platform.DomainException;

/** Delivery through a real SMTP server (GreenMail), with quick retries. */
@SpringBootTest(properties = {
        "caravan.mail.poll-interval=200ms",
        "caravan.mail.initial-backoff=400ms",
        "caravan.mail.max-backoff=800ms"})
class MailDeliveryTests {

    private static final int PORT = freePort();
    private static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static GreenMail smtp = started();

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDelivery delivery;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @BeforeEach
    void emptyOutboxAndMailbox() throws Exception {
        if (!smtp.isRunning()) {
            smtp = started();
        }
        jdbc.update("delete from notifications.outbox");
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aMailEnqueuedInACommittedTransactionArrivesWithItsChineseSubjectIntact() throws Exception {
        inTransaction(() -> outbox.enqueue(new OutgoingMail("李雷 <li.lei@example.cn>", "请验证您的电子邮件地址 · Caravan 商队",
                "您好！请打开 https://caravan.localhost/verify?token=abc 验证。", "<p>您好！<a href=\"https://caravan.localhost/verify?token=abc\">验证</a></p>",
                "email-verification")));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("请验证您的电子邮件地址 · Caravan 商队");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("no-reply@caravan.localhost");
        InternetAddress to = (InternetAddress) received.getAllRecipients()[0];
        assertThat(to.getAddress()).isEqualTo("li.lei@example.cn");
        assertThat(to.getPersonal()).isEqualTo("李雷");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        assertThat(received.getContentType()).startsWith("multipart/alternative");
        var parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("您好！请打开 https://caravan.localhost/verify?token=abc");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<a href=\"https://caravan.localhost/verify?token=abc\">验证</a>");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(row()).containsEntry("status", "SENT")
                .containsEntry("attempts", 1));
        assertThat(row().get("sent_at")).isNotNull();
    }

    @Test
    void aTextOnlyMailIsOnePlainPart() throws Exception {
        inTransaction(() -> outbox.enqueue(new OutgoingMail("a@example.com", "Password reset", "Reset: https://x.example/r",
                null, "password-reset")));
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(((String) received.getContent()).strip()).isEqualTo("Reset: https://x.example/r");
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            outbox.enqueue(new OutgoingMail("a@example.com", "Never sent", "text", null, "test"));
            status.setRollbackOnly();
        });
        delivery.deliverDue();
        assertThat(smtp.waitForIncomingEmail(1500, 1)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from notifications.outbox", Integer.class)).isZero();
    }

    @Test
    void headerInjectionIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> inTransaction(() -> outbox.enqueue(new OutgoingMail(
                "victim@example.com\r\nBcc: everyone@example.com", "Hello", "text", null, "test"))))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> inTransaction(() -> outbox.enqueue(new OutgoingMail(
                "victim@example.com", "Hello\r\nBcc: everyone@example.com", "text", null, "test"))))
                .isInstanceOf(DomainException.class);
        assertThat(jdbc.queryForObject("select count(*) from notifications.outbox", Integer.class)).isZero();
    }

    @Test
    void whileTheServerIsDownAMailIsRetriedAndDeliveredWhenItComesBack() throws Exception {
        smtp.stop();
        inTransaction(() -> outbox.enqueue(new OutgoingMail("a@example.com", "Will arrive later", "text", null, "test")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> row = row();
            assertThat(row).containsEntry("status", "PENDING");
            assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2);
            assertThat((String) row.get("last_error")).isNotBlank();
        });
        smtp = started();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Will arrive later");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(row()).containsEntry("status", "SENT"));
    }

    @Test
    void aMailIsGivenUpAfterTheLastAttempt() {
        smtp.stop();
        inTransaction(() -> {
            outbox.enqueue(new OutgoingMail("a@example.com", "Never arrives", "text", null, "test"));
            // as if seven attempts had failed already: the next one is the last of eight
            jdbc.update("update notifications.outbox set attempts = 7");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(row())
                .containsEntry("status", "FAILED").containsEntry("attempts", 8));
        assertThat(row().get("next_attempt_at")).isNull();
        assertThat((String) row().get("last_error")).contains("Connect");
    }

    @Test
    void concurrentPollersNeverSendAMailTwice() throws Exception {
        int count = 60;
        inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(new OutgoingMail("a@example.com", "Mail " + i, "text " + i, null, "test"));
            }
            // all due at the same moment, a little later, so that every poller starts on them together
            jdbc.update("update notifications.outbox set next_attempt_at = now() + interval '1 second'");
        });
        int pollers = 4;
        var start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(pollers)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int p = 0; p < pollers; p++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    int handled = 0;
                    while (jdbc.queryForObject("select count(*) from notifications.outbox where status = 'PENDING'",
                            Integer.class) > 0) {
                        handled += delivery.deliverDue();
                    }
                    return handled;
                }));
            }
            Thread.sleep(1000);
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        }

        assertThat(smtp.waitForIncomingEmail(10_000, count)).isTrue();
        Thread.sleep(500);
        MimeMessage[] received = smtp.getReceivedMessages();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : received) {
            subjects.add(message.getSubject());
        }
        assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from notifications.outbox where status = 'SENT' and attempts = 1",
                Integer.class)).isEqualTo(count);
        assertThat(Arrays.stream(received).map(this::recipient)).containsOnly("a@example.com");
    }

    private String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("select status, attempts, last_error, sent_at, next_attempt_at from notifications.outbox");
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static GreenMail started() {
        var server = new GreenMail(SMTP);
        server.start();
        return server;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
