package trade.caravan.catalog.listing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caravan.search.*}: where the Lucene index lives and how the index follows the database.
 * The Elasticsearch/OpenSearch backend is configured with Hibernate Search's own properties
 * ({@code spring.jpa.properties.hibernate.search.backend.*}, see the README).
 *
 * @param indexDir         the Lucene index directory; blank means a fresh temporary directory
 *                         that disappears with the application (tests)
 * @param eventProcessor   whether this node applies committed listing changes to its index (the
 *                         outbox poller); every node that serves searches from a local Lucene index needs it
 * @param pollingInterval  how often the outbox of listing changes is polled when it was empty
 * @param loadingThreads   threads that load listings from the database during a rebuild
 * @param batchSize        listings loaded per query during a rebuild
 */
@ConfigurationProperties("caravan.search")
record SearchSettings(@DefaultValue("./data/search") String indexDir,
        @DefaultValue("true") boolean eventProcessor,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("2") int loadingThreads,
        @DefaultValue("250") int batchSize) {

    SearchSettings {
        if (loadingThreads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("caravan.search.loading-threads and batch-size must be positive");
        }
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("caravan.search.polling-interval must be positive");
        }
    }
}
