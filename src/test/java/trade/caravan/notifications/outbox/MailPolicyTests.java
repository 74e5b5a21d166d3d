package trade.caravan.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import trade.caravan.notifications.OutgoingMail;
import trade.caravan.platform.DomainException;

/** What the outbox refuses, how it backs off, and what an error text may show. */
class MailPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "victim@example.com\r\nBcc: everyone@example.com",
            "victim@example.com\nBcc: everyone@example.com",
            "victim@example.com\rX-Injected: yes",
            "victim@example.com\u0000",
            "victim@example.com\u2028Bcc: everyone@example.com"})
    void aLineBreakInTheRecipientIsRefused(String recipient) {
        assertRefused(mail(recipient, "Subject"), "error.mail.recipient.line-break");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Welcome\r\nBcc: everyone@example.com",
            "Welcome\nContent-Type: text/html",
            "Welcome\r",
            "Welcome\tto Caravan"})
    void aLineBreakInTheSubjectIsRefused(String subject) {
        assertRefused(mail("someone@example.com", subject), "error.mail.subject.line-break");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com, b@example.com", "a@example.com; b@example.com",
            "undisclosed-recipients: a@example.com, b@example.com;"})
    void moreThanOneRecipientIsRefused(String recipient) {
        assertThatThrownBy(() -> OutgoingMailPolicy.check(mail(recipient, "Hello")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode())
                .isIn("error.mail.recipient.not-one", "error.mail.recipient.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not an address", "@example.com", "someone@", "some one@example.com", "<>"})
    void somethingThatIsNotAnAddressIsRefused(String recipient) {
        assertThatThrownBy(() -> OutgoingMailPolicy.check(mail(recipient, "Hello")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void ordinaryMailIsAccepted() {
        assertThatCode(() -> OutgoingMailPolicy.check(mail("li.lei@example.cn", "请验证您的电子邮件地址"))).doesNotThrowAnyException();
        assertThatCode(() -> OutgoingMailPolicy.check(mail("李雷 <li.lei@example.cn>", "Welcome"))).doesNotThrowAnyException();
    }

    @Test
    void subjectCategoryAndBodyHaveLimits() {
        assertRefused(mail("a@example.com", "x".repeat(OutgoingMailPolicy.MAX_SUBJECT + 1)), "error.mail.subject.too-long");
        assertRefused(mail("a@example.com", " "), "error.mail.subject.blank");
        assertRefused(new OutgoingMail("a@example.com", "Hi", "text", null, "Not A Category"), "error.mail.category.invalid");
        assertRefused(new OutgoingMail("a@example.com", "Hi", "x".repeat(OutgoingMailPolicy.MAX_BODY + 1), null, "test"),
                "error.mail.body.too-large");
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        var settings = new MailSettings("Caravan <no-reply@caravan.localhost>", Duration.ofSeconds(10), 8,
                Duration.ofMinutes(1), Duration.ofMinutes(10), new MailSettings.OutboxPage(true));
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.backoffAfter(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aBadFromAddressStopsTheStart() {
        assertThatThrownBy(() -> new MailSettings("Caravan\r\nBcc: x@example.com", Duration.ofSeconds(10), 8,
                Duration.ofMinutes(1), Duration.ofMinutes(10), new MailSettings.OutboxPage(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorTextsNeverShowTheSmtpCredentials() {
        var errors = new ErrorText("mailer", "s3cret-pa55");
        String text = errors.describe(new org.springframework.mail.MailAuthenticationException(
                "535 Authentication failed for mailer with password s3cret-pa55\r\nmore"));
        assertThat(text).doesNotContain("s3cret-pa55").doesNotContain("mailer").doesNotContain("\n")
                .contains("535 Authentication failed");
        assertThat(errors.describe(new IllegalStateException("x".repeat(2000)))).hasSize(ErrorText.MAX);
    }

    @Test
    void anUnreachableServerIsToldApartFromARefusedMail() {
        var unreachable = new org.springframework.mail.MailSendException("Mail server connection failed",
                new jakarta.mail.MessagingException("Could not connect", new java.net.ConnectException("refused")));
        var refused = new org.springframework.mail.MailSendException("Failed messages",
                new jakarta.mail.SendFailedException("550 No such user"));
        assertThat(ErrorText.isConnectionFailure(unreachable)).isTrue();
        assertThat(ErrorText.isConnectionFailure(refused)).isFalse();
    }

    private static void assertRefused(OutgoingMail mail, String code) {
        assertThatThrownBy(() -> OutgoingMailPolicy.check(mail))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode())
                .isEqualTo(code);
    }

    private static OutgoingMail mail(String to, String subject) {
        return new OutgoingMail(to, subject, "Hello", null, "test");
    }
}
