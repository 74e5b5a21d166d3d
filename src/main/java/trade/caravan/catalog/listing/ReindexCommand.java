package trade.caravan.catalog.listing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --caravan.search.reindex}: rebuilds the search index from the database, then stops the
 * application (exit status 0, or 1 if the rebuild failed). With
 * {@code --spring.main.web-application-type=none} no web server is started for it.
 */
@Component
class ReindexCommand implements ApplicationRunner {

    static final String OPTION = "caravan.search.reindex";
    private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);

    private final ListingIndexing indexing;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    ReindexCommand(ListingIndexing indexing, Environment environment, ConfigurableApplicationContext context) {
        this.indexing = indexing;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String value = environment.getProperty(OPTION);
        if (!arguments.containsOption(OPTION) && (value == null || "false".equalsIgnoreCase(value.strip()))) {
            return;
        }
        ListingIndexing.Progress result = indexing.rebuild();
        log.info("Search index rebuild {}: {} of {} listings indexed", result.state(), result.indexed(),
                result.total());
        int status = result.state() == ListingIndexing.State.DONE ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
