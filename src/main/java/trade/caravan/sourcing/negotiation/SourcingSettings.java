package trade.caravan.sourcing.negotiation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caravan.sourcing.*}: how many RFQs a buyer organization may send per 24 hours
 * ({@code rfqs-per-day}); to how many matching suppliers a published RFQ goes at most
 * ({@code published-suppliers}); how many messages and offers one member may post per minute
 * ({@code messages-per-minute}); how often people who are not online get one e-mail summing up
 * what they missed ({@code digest-interval}), and how long something must have been unread
 * before it goes into one ({@code digest-delay}).
 */
@ConfigurationProperties("caravan.sourcing")
record SourcingSettings(@DefaultValue("20") int rfqsPerDay, @DefaultValue("50") int publishedSuppliers,
        @DefaultValue("30") int messagesPerMinute, @DefaultValue("PT5M") Duration digestInterval,
        @DefaultValue("PT2M") Duration digestDelay, @DefaultValue("5") int attachmentsPerMessage) {

    SourcingSettings {
        if (rfqsPerDay < 1 || publishedSuppliers < 1 || messagesPerMinute < 1 || attachmentsPerMessage < 0) {
            throw new IllegalArgumentException("caravan.sourcing limits must be positive");
        }
    }
}
