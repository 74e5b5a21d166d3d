package trade.caravan.catalog.generate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The generator as a command: {@code --caravan.generate.listings=1000000 --caravan.generate.seed=42}
 * writes a benchmark catalog, {@code --caravan.generate.queries=10000} its query mix, and the
 * application then exits (status 0, or 1 when generation failed) unless
 * {@code caravan.generate.exit=false}. Runs after the demo, which an empty embedded database gets
 * first. Nothing happens without either property.
 */
@Component
@Order(300)
class GenerateCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

    private final GenerateSettings settings;
    private final BulkListings bulk;
    private final ConfigurableApplicationContext context;

    GenerateCommand(GenerateSettings settings, BulkListings bulk, ConfigurableApplicationContext context) {
        this.settings = settings;
        this.bulk = bulk;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.requested()) {
            return;
        }
        int status = 0;
        try {
            if (settings.listings() > 0) {
                BulkListings.Result result = bulk.write(settings.listings(), settings.seed(), settings.suppliers(),
                        settings.batchSize(), settings.writers());
                log.info("Generated {} listings ({} rows, {} suppliers) in {} s: {} listings/s, {} rows/s. "
                        + "Rebuild the search index next (--caravan.search.reindex).", result.listings(),
                        result.rows(), result.suppliers(), result.elapsed().toSeconds(), result.listingsPerSecond(),
                        result.rowsPerSecond());
            }
            if (settings.queries() > 0) {
                new BenchmarkQueries(Vocabulary.bundled(), settings.seed()).write(settings.queriesFile(),
                        settings.queries());
                log.info("Wrote {} benchmark queries to {}", settings.queries(),
                        settings.queriesFile().toAbsolutePath());
            }
        } catch (RuntimeException e) {
            log.error("Generation failed: {}", e.getMessage(), e);
            status = 1;
        }
        if (settings.exit()) {
            int exitStatus = status;
            System.exit(SpringApplication.exit(context, () -> exitStatus));
        }
    }
}
