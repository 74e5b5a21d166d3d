package trade.caravan.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications module on its own: queues mail without knowing who sends it. (The platform is
 * included explicitly: the module uses its types, not its beans, except the clock it defines.)
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
class NotificationsModuleTests {

    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationContext context;

    @Test
    void queuesMailInTheCallersTransactionWithoutTheModulesAboveIt() {
        assertThat(context.containsBean("memberManagement")).isFalse();
        String to = "module-" + UUID.randomUUID() + "@test.example";
        transactions.executeWithoutResult(status -> outbox.enqueue(
                new OutgoingMail(to, "报价单已更新", "Body", null, "module-test")));
        assertThat(jdbc.sql("select subject from notifications.outbox where recipient = ?").param(to)
                .query(String.class).list()).containsExactly("报价单已更新");
    }
}
