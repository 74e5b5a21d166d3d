package trade.caravan.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caravan.audit.*}.
 *
 * @param verifyCron      when to verify the whole chain (Spring cron, six fields); {@code "-"} never
 * @param verifyOnStartup whether to verify it once the application has started
 */
@ConfigurationProperties("caravan.audit")
record AuditSettings(@DefaultValue("0 30 3 * * *") String verifyCron, @DefaultValue("true") boolean verifyOnStartup) {
}
