package trade.caravan.catalog.generate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;

/**
 * Seeds the demo catalog: when the catalog is empty, about 300 published products spread over the
 * demo exporters that accounts' {@code DemoData} created just before (hence the later order),
 * through product management like any supplier's products, so listings and everything that
 * follows them are built the ordinary way. Only organizations of the demo (their websites are
 * under the reserved {@code .example} domain) get products: an installation with real exporters
 * and the demo switched on never sees invented products under their names.
 */
@Component
@ConditionalOnProperty(name = "caravan.demo.enabled", havingValue = "true")
@Order(200)
class DemoCatalog implements ApplicationRunner {

    static final int PRODUCTS = 300;
    /** A fixed seed: every fresh demo shows the same catalog. */
    static final long SEED = 20_261_127L;
    private static final int MAX_SUPPLIERS = 50;
    private static final int PER_TRANSACTION = 10;
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    /** What a demo exporter sells, by a word in its name; any other gets its country's usual chapters. */
    private static final List<Map.Entry<String, List<String>>> CHAPTERS_BY_TRADE = List.of(
            Map.entry("electronics", List.of("85", "84", "90", "95", "87")),
            Map.entry("housewares", List.of("39", "44", "48", "69", "70", "73", "82", "94")),
            Map.entry("garment", List.of("61", "62", "64", "42")),
            Map.entry("knit", List.of("61", "63")),
            Map.entry("seramik", List.of("69", "70", "57", "63")),
            Map.entry("conservas", List.of("20", "09")));

    private final OrganizationDirectory organizations;
    private final ProductManagement products;
    private final Tenancy tenancy;
    private final JdbcClient jdbc;

    DemoCatalog(OrganizationDirectory organizations, ProductManagement products, Tenancy tenancy, JdbcClient jdbc) {
        this.organizations = organizations;
        this.products = products;
        this.tenancy = tenancy;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from catalog.products").query(Long.class).single() > 0) {
            return;
        }
        var generator = new ListingGenerator(Vocabulary.bundled(), SEED);
        List<OrganizationSummary> suppliers = organizations.suppliers(MAX_SUPPLIERS).stream()
                .filter(DemoCatalog::isDemo)
                .filter(s -> generator.vocabulary().countries().containsKey(s.country()))
                .toList();
        if (suppliers.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        // exporters side by side (each in its own tenant scope), a few products per transaction: one
        // commit each would wait on the disk 300 times, and a persistence context that grew with
        // every product would make each flush slower
        List<Future<?>> seeding = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long first = 0;
            for (int i = 0; i < suppliers.size(); i++) {
                OrganizationSummary supplier = suppliers.get(i);
                int count = PRODUCTS / suppliers.size() + (i < PRODUCTS % suppliers.size() ? 1 : 0);
                var profile = new SupplierProfile(supplier.country(), chapters(supplier.legalName()));
                long from = first;
                seeding.add(executor.submit(() -> {
                    for (long chunk = from; chunk < from + count; chunk += PER_TRANSACTION) {
                        long end = Math.min(chunk + PER_TRANSACTION, from + count);
                        long start = chunk;
                        tenancy.runAs(supplier.id(), () -> {
                            for (long index = start; index < end; index++) {
                                products.publish(products.createFor(supplier.id(),
                                        generator.details(index, profile)).id());
                            }
                        });
                    }
                }));
                first += count;
            }
            for (Future<?> supplier : seeding) {
                supplier.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding the demo catalog", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Seeding the demo catalog failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
        log.info("Demo catalog: {} products published for {} exporters in {} ms", PRODUCTS, suppliers.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    static List<String> chapters(String legalName) {
        String name = legalName.toLowerCase(Locale.ROOT);
        return CHAPTERS_BY_TRADE.stream().filter(e -> name.contains(e.getKey())).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
    }

    /** The demo's organizations have websites under {@code .example} (RFC 2606), which no real one can have. */
    static boolean isDemo(OrganizationSummary organization) {
        String website = organization.website();
        if (website == null) {
            return false;
        }
        String host = URI.create(website).getHost();
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(".example");
    }
}
