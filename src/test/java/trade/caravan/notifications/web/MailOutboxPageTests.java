package trade.caravan.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.notifications.MailOutbox;
import trade.caravan.notifications.OutgoingMail;

/** The operator's outbox page, with no SMTP server configured (the embedded default). */
@SpringBootTest
@AutoConfigureMockMvc
class MailOutboxPageTests {

    private static final RequestPostProcessor FROM_THE_INTERNET = request -> {
        request.setRemoteAddr("203.0.113.9");
        return request;
    };

    @Autowired
    MockMvc mvc;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("delete from notifications.outbox");
    }

    @Test
    void withoutSmtpAMailIsKeptAsNotConfiguredAndShownToTheOperator() throws Exception {
        UUID id = enqueue(new OutgoingMail("li.lei@example.cn", "请验证您的电子邮件地址",
                "Open https://caravan.localhost/verify?token=abc&lang=zh to verify.", null, "email-verification"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("select status from notifications.outbox where id = ?", String.class, id))
                .isEqualTo("NOT_CONFIGURED"));

        mvc.perform(get("/operator/outbox"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请验证您的电子邮件地址")))
                .andExpect(content().string(containsString("li.lei@example.cn")))
                .andExpect(content().string(containsString("Not sent (no SMTP server)")))
                .andExpect(content().string(containsString("No SMTP server is configured")));
        mvc.perform(get("/operator/outbox/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<a href=\"https://caravan.localhost/verify?token=abc&amp;lang=zh\" rel=\"noopener noreferrer nofollow\">")));
        mvc.perform(get("/operator/outbox").param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("邮件发件箱")))
                .andExpect(content().string(containsString("未发送（无 SMTP 服务器）")));
    }

    @Test
    void everythingFromTheMailIsEscaped() throws Exception {
        UUID id = enqueue(new OutgoingMail("a@example.com", "<script>alert('subject')</script>",
                "Hi <b>there</b> javascript:alert(1) https://example.com/x?a=1&b=\"><script>alert(2)</script>",
                "<img src=x onerror=alert(3)>", "test"));

        String list = mvc.perform(get("/operator/outbox")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;").doesNotContain("<script>alert");

        String page = mvc.perform(get("/operator/outbox/{id}", id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains("Hi &lt;b&gt;there&lt;/b&gt; javascript:alert(1) ")
                .contains("<a href=\"https://example.com/x?a=1&amp;b=\" rel=\"noopener noreferrer nofollow\">")
                .contains("&lt;img src=x onerror=alert(3)&gt;")
                .doesNotContain("<b>there")
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("href=\"javascript");
    }

    @Test
    void theOutboxIsRefusedToAnyoneButTheOperator() throws Exception {
        UUID id = enqueue(new OutgoingMail("a@example.com", "Secret link", "https://caravan.localhost/reset?t=1", null,
                "password-reset"));
        mvc.perform(get("/operator/outbox").with(FROM_THE_INTERNET))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Secret link"))));
        mvc.perform(get("/operator/outbox/{id}", id).with(FROM_THE_INTERNET))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("reset?t=1"))));
        mvc.perform(get("/operator/outbox").with(request -> {
            request.setRemoteAddr("::1");
            return request;
        })).andExpect(status().isOk());
    }

    @Test
    void theListPagesNewestFirst() throws Exception {
        for (int i = 1; i <= 3; i++) {
            enqueue(new OutgoingMail("a@example.com", "Mail number " + i, "text", null, "test"));
        }
        String first = mvc.perform(get("/operator/outbox").param("limit", "2")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Mail number 3", "Mail number 2").doesNotContain("Mail number 1");
        String cursor = first.replaceAll("(?s).*[?&;]cursor=([^\"&]+)\".*", "$1");
        mvc.perform(get("/operator/outbox").param("limit", "2").param("cursor", cursor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mail number 1")))
                .andExpect(content().string(not(containsString("Mail number 3"))));
    }

    @Test
    void anUnknownMailIsNotFound() throws Exception {
        mvc.perform(get("/operator/outbox/{id}", UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/operator/outbox/not-a-uuid")).andExpect(status().isNotFound());
    }

    private UUID enqueue(OutgoingMail mail) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.enqueue(mail));
        return jdbc.queryForObject("select id from notifications.outbox where subject = ?", UUID.class, mail.subject());
    }
}
