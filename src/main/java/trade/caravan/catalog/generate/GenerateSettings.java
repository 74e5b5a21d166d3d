package trade.caravan.catalog.generate;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caravan.generate.*}: a one-off run that writes {@code listings} generated listings for
 * {@code suppliers} new supplier organizations straight into PostgreSQL ({@code batch-size} listings
 * per transaction, over {@code writers} connections), and/or {@code queries}
 * benchmark queries to {@code queries-file}, from {@code seed}; then, with {@code exit}, stops the
 * application. Nothing happens while both counts are 0 (the default).
 */
@ConfigurationProperties("caravan.generate")
record GenerateSettings(@DefaultValue("0") long listings, @DefaultValue("42") long seed,
        @DefaultValue("24") int suppliers, @DefaultValue("5000") int batchSize, @DefaultValue("2") int writers,
        @DefaultValue("0") int queries,
        @DefaultValue("target/bench/queries.jsonl") Path queriesFile, @DefaultValue("true") boolean exit) {

    GenerateSettings {
        if (listings < 0 || queries < 0) {
            throw new IllegalArgumentException("caravan.generate.listings and .queries cannot be negative");
        }
        if (suppliers < 1 || suppliers > 10_000) {
            throw new IllegalArgumentException("caravan.generate.suppliers must be between 1 and 10,000");
        }
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("caravan.generate.writers must be between 1 and 16");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("caravan.generate.batch-size must be between 1 and 100,000");
        }
    }

    boolean requested() {
        return listings > 0 || queries > 0;
    }
}
