package trade.caravan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the embedded PostgreSQL (or the external one named by
 * {@code spring.datasource.url}), with MockMvc and a clock tests can move. Every test class
 * using it shares one application context. It is the one context of the test JVM that applies
 * committed listing changes to its search index (see {@code config/application.properties}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "caravan.search.event-processor=true")
@AutoConfigureMockMvc
@Import({TestClock.Configuration.class, TestAccounts.class, Mailbox.class})
public @interface IntegrationTest {
}
