package trade.caravan.catalog.generate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.OrganizationRegistry;
import trade.caravan.accounts.TradeRole;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.shared.OrganizationId;

/**
 * Fills PostgreSQL with generated listings for benchmarks: a million in minutes, where the product
 * services (one product and one listing at a time, with their checks) would take hours. It first
 * registers the supplier organizations through accounts, then streams batches of listings into
 * {@code catalog.listings} and its child tables with COPY, one transaction per batch, on a few
 * connections at once while as many threads generate the next batches; memory stays at a few
 * batches whatever the count.
 *
 * <p>Only listings are written, not the products behind them: listings are what search indexes
 * and public pages read, the generated suppliers have no members who could edit products, and
 * products would double the time and the disk. Each row is what {@code ListingWriter} would have
 * written for the generated details (the same HS chapter and section, lowest price and its euro
 * value). The search index is rebuilt from the listings afterwards ({@code caravan.search.reindex}).
 */
@Component
class BulkListings {

    private static final Logger log = LoggerFactory.getLogger(BulkListings.class);
    private static final CurrencyCode EURO = new CurrencyCode("EUR");
    private static final long PROGRESS_EVERY = 100_000;

    private static final String COPY_LISTINGS = """
            copy catalog.listings (id, supplier_id, supplier_name, supplier_country, hs_code, hs_chapter, hs_section,
                default_locale, unit_of_measure, minimum_order_quantity, currency, lowest_price_minor,
                lowest_price_eur_cents, lead_time_days, origin_country, port_of_loading, units_per_carton,
                carton_length_mm, carton_width_mm, carton_height_mm, carton_gross_weight_grams, published_at,
                updated_at, product_version) from stdin""";
    private static final String COPY_TEXTS = "copy catalog.listing_texts (listing_id, locale, title, description) from stdin";
    private static final String COPY_SPECIFICATIONS =
            "copy catalog.listing_specifications (listing_id, position, name, value) from stdin";
    private static final String COPY_TIERS =
            "copy catalog.listing_price_tiers (listing_id, min_quantity, unit_price_minor) from stdin";
    private static final String COPY_CERTIFICATIONS =
            "copy catalog.listing_certifications (listing_id, position, kind, name) from stdin";

    /** How much was written, and how fast. */
    record Result(long listings, long rows, int suppliers, Duration elapsed) {

        long listingsPerSecond() {
            return elapsed.toMillis() == 0 ? listings : listings * 1000 / elapsed.toMillis();
        }

        long rowsPerSecond() {
            return elapsed.toMillis() == 0 ? rows : rows * 1000 / elapsed.toMillis();
        }
    }

    private record Supplier(OrganizationId id, String legalName, CountryCode country) {
    }

    /** One batch as COPY text, table by table, and how long a writer waited for it. */
    private record Batch(int listings, long rows, byte[] listingRows, byte[] texts, byte[] specifications,
            byte[] tiers, byte[] certifications, long waitedNanos) {

        static final Batch END = new Batch(0, 0, new byte[0], new byte[0], new byte[0], new byte[0], new byte[0], 0);

        Batch waited(long nanos) {
            return new Batch(listings, rows, listingRows, texts, specifications, tiers, certifications, nanos);
        }
    }

    /** The next batch, noting how long the database side waited for it. */
    private static Batch take(BlockingQueue<Batch> queue) throws InterruptedException {
        long before = System.nanoTime();
        Batch batch = queue.take();
        return batch == Batch.END ? batch : batch.waited(System.nanoTime() - before);
    }

    private final DataSource dataSource;
    private final OrganizationRegistry registry;
    private final Tenancy tenancy;
    private final HsNomenclature hs;
    private final IndicativePrices prices;
    private final Clock clock;

    BulkListings(DataSource dataSource, OrganizationRegistry registry, Tenancy tenancy, HsNomenclature hs,
            IndicativePrices prices, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.tenancy = tenancy;
        this.hs = hs;
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * Writes listings 0 to {@code count - 1} of {@code seed} for {@code supplierCount} new
     * suppliers, {@code batchSize} listings per transaction, over {@code writers} connections at
     * once (PostgreSQL then works on as many cores). Refuses when listings of this seed are
     * already there (their identifiers would collide): use another seed or an empty database.
     */
    Result write(long count, long seed, int supplierCount, int batchSize, int writers) {
        long started = System.nanoTime();
        var generator = new ListingGenerator(Vocabulary.bundled(), seed);
        refuseIfPresent(generator.listingId(0), seed);
        List<Supplier> suppliers = register(seed, supplierCount);
        List<SupplierProfile> profiles = suppliers.stream().map(s -> new SupplierProfile(s.country(), List.of()))
                .toList();
        var encoder = new Encoder(generator, suppliers, profiles, sections(generator.vocabulary()),
                euroRates(generator.vocabulary()), clock.instant());
        log.info("Generating {} listings (seed {}) for {} new suppliers, {} per batch, {} writers", count, seed,
                suppliers.size(), batchSize, writers);

        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2 * writers);
        var progress = new Progress(count, started);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Consumer<Exception> fail = e -> {
            if (failure.compareAndSet(null, e)) {
                threads.forEach(Thread::interrupt);
            }
        };
        // as many generating threads as writers, each taking the next batch's numbers: batches are
        // independent (a listing depends on its seed and index alone), so their order does not matter
        AtomicLong next = new AtomicLong();
        AtomicInteger generating = new AtomicInteger(writers);
        for (int g = 0; g < writers; g++) {
            threads.add(Thread.ofPlatform().name("listing-generator-" + g).daemon().unstarted(() -> {
                try {
                    for (long first = next.getAndAdd(batchSize); first < count; first = next.getAndAdd(batchSize)) {
                        queue.put(encoder.batch(first, (int) Math.min(batchSize, count - first)));
                    }
                    if (generating.decrementAndGet() == 0) {
                        for (int i = 0; i < writers; i++) {
                            queue.put(Batch.END);
                        }
                    }
                } catch (InterruptedException e) {
                    // a writer failed and stopped everything
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    fail.accept(e);
                }
            }));
        }
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().name("listing-writer-" + w).daemon().unstarted(() -> {
                try {
                    copyBatches(queue, progress);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (SQLException | IOException | RuntimeException e) {
                    fail.accept(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted after " + progress.listings() + " listings", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Writing generated listings failed after " + progress.listings() + ": "
                    + failure.get().getMessage(), failure.get());
        }
        log.info("Writers waited {} ms in all for generated batches", progress.waitedMillis());
        log.info("Analyzing the listing tables");
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "analyze catalog.listings, catalog.listing_texts, catalog.listing_specifications, "
                    + "catalog.listing_price_tiers, catalog.listing_certifications");
        } catch (SQLException e) {
            throw new IllegalStateException("Analyzing the listing tables failed: " + e.getMessage(), e);
        }
        return new Result(progress.listings(), progress.rows() + suppliers.size(), suppliers.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** One writer: COPY each batch it takes into the five tables and commit, until the end. */
    private void copyBatches(BlockingQueue<Batch> queue, Progress progress)
            throws SQLException, IOException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // losing the last batches in a crash is harmless here (run again on an empty database)
            execute(connection, "set synchronous_commit = off");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                for (Batch batch = take(queue); batch != Batch.END; batch = take(queue)) {
                    copy.copyIn(COPY_LISTINGS, new ByteArrayInputStream(batch.listingRows()));
                    copy.copyIn(COPY_TEXTS, new ByteArrayInputStream(batch.texts()));
                    copy.copyIn(COPY_SPECIFICATIONS, new ByteArrayInputStream(batch.specifications()));
                    copy.copyIn(COPY_TIERS, new ByteArrayInputStream(batch.tiers()));
                    copy.copyIn(COPY_CERTIFICATIONS, new ByteArrayInputStream(batch.certifications()));
                    connection.commit();
                    progress.written(batch);
                }
            } finally {
                connection.rollback();
                execute(connection, "reset synchronous_commit");
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    /** Listings and rows written so far, shared by the writers; logged every 100,000 listings. */
    private static final class Progress {

        private final long count;
        private final long started;
        private long listings;
        private long rows;
        private long waitedNanos;

        Progress(long count, long started) {
            this.count = count;
            this.started = started;
        }

        synchronized void written(Batch batch) {
            long before = listings;
            listings += batch.listings();
            rows += batch.rows();
            waitedNanos += batch.waitedNanos();
            if (listings / PROGRESS_EVERY != before / PROGRESS_EVERY) {
                long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
                log.info("{} of {} listings written ({} listings/s)", listings, count, listings * 1000 / millis);
            }
        }

        synchronized long listings() {
            return listings;
        }

        synchronized long rows() {
            return rows;
        }

        synchronized long waitedMillis() {
            return waitedNanos / 1_000_000;
        }
    }

    private void refuseIfPresent(UUID firstId, long seed) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from catalog.listings where id = ?")) {
            exists.setObject(1, firstId);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    throw new IllegalStateException("Listings of seed " + seed
                            + " are already in this database; generate with another seed or into an empty database");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private List<Supplier> register(long seed, int count) {
        List<Supplier> suppliers = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            SyntheticSuppliers.Supplier supplier = SyntheticSuppliers.supplier(seed, number);
            OrganizationId id = tenancy.callAsSystem(() -> registry.registerWithoutMembers(supplier.legalName(),
                    supplier.country(), TradeRole.EXPORTER, supplier.website()));
            suppliers.add(new Supplier(id, supplier.legalName(), supplier.country()));
        }
        return suppliers;
    }

    /** HS sections of the vocabulary's chapters, as the reference data has them. */
    private Map<String, String> sections(Vocabulary vocabulary) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (Vocabulary.Chapter chapter : vocabulary.chapters()) {
            sections.put(chapter.code(), hs.find(HsCode.of(chapter.code())).orElseThrow(() ->
                    new IllegalStateException("HS 2022 has no chapter " + chapter.code())).section());
        }
        return sections;
    }

    /** Today's ECB rate to the euro of each currency the vocabulary quotes in, looked up once. */
    private Map<CurrencyCode, EuroRate> euroRates(Vocabulary vocabulary) {
        Map<CurrencyCode, EuroRate> rates = new LinkedHashMap<>();
        int euroDigits = prices.minorDigits(EURO);
        for (CurrencyCode currency : vocabulary.perThousandUsdCents().keySet()) {
            try {
                rates.put(currency, new EuroRate(prices.convert(new Money(100, currency), EURO).rate(),
                        prices.minorDigits(currency), euroDigits));
            } catch (DomainException noRate) {
                // as in ListingWriter: a currency the ECB does not quote has no price facet
                log.warn("No euro rate for {}: its listings get no euro price", currency.value());
            }
        }
        return rates;
    }

    /**
     * IndicativePrices' conversion to the euro without its look-ups of minor digits per call (two
     * queries per listing would halve the throughput): amount × rate, half-even to euro cents.
     */
    record EuroRate(BigDecimal rate, int fromDigits, int euroDigits) {

        long euroMinor(long minor) {
            return BigDecimal.valueOf(minor, fromDigits).multiply(rate).setScale(euroDigits, RoundingMode.HALF_EVEN)
                    .movePointRight(euroDigits).longValueExact();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Turns generated listings into COPY text, the rows ListingWriter would have written. */
    private final class Encoder {

        private final ListingGenerator generator;
        private final List<Supplier> suppliers;
        private final List<SupplierProfile> profiles;
        private final Map<String, String> sections;
        private final Map<CurrencyCode, EuroRate> euroRates;
        private final Instant now;

        Encoder(ListingGenerator generator, List<Supplier> suppliers, List<SupplierProfile> profiles,
                Map<String, String> sections, Map<CurrencyCode, EuroRate> euroRates, Instant now) {
            this.generator = generator;
            this.suppliers = suppliers;
            this.profiles = profiles;
            this.sections = sections;
            this.euroRates = euroRates;
            this.now = now;
        }

        Batch batch(long first, int size) {
            var listings = new StringBuilder(size * 400);
            var texts = new StringBuilder(size * 700);
            var specifications = new StringBuilder(size * 300);
            var tiers = new StringBuilder(size * 150);
            var certifications = new StringBuilder(size * 80);
            long rows = 0;
            for (long index = first; index < first + size; index++) {
                ListingGenerator.Generated generated = generator.generate(index, profiles);
                ProductDetails details = generated.details();
                Supplier supplier = suppliers.get(generated.supplier());
                String id = generated.id().toString();
                PriceTiers priced = PriceTiers.of(details.currency(), details.tiers().stream()
                        .map(t -> new PriceTiers.Tier(t.minQuantity(), t.unitPriceMinor())).toList(),
                        details.minimumOrderQuantity());
                Money lowest = priced.lowestUnitPrice();
                EuroRate rate = euroRates.get(lowest.currency());
                Instant published = now.minusSeconds(generated.ageSeconds());
                String chapter = details.hsCode().substring(0, 2);
                var packaging = details.packaging();
                row(listings, id, supplier.id().toString(), supplier.legalName(), supplier.country().value(),
                        details.hsCode(), chapter, sections.get(chapter), details.defaultLocale(),
                        details.unit().code(), details.minimumOrderQuantity(), details.currency().value(),
                        lowest.minor(), rate == null ? null : rate.euroMinor(lowest.minor()),
                        details.leadTimeDays(), details.origin().value(), details.portOfLoading(),
                        packaging == null ? null : packaging.unitsPerCarton(),
                        packaging == null ? null : packaging.lengthMm(), packaging == null ? null : packaging.widthMm(),
                        packaging == null ? null : packaging.heightMm(),
                        packaging == null ? null : packaging.grossWeightGrams(), published, published, 0);
                rows++;
                for (ProductDetails.Text text : details.texts()) {
                    row(texts, id, text.locale(), text.title(), text.description());
                    rows++;
                }
                List<ProductDetails.Specification> specs = details.specifications();
                for (int position = 0; position < specs.size(); position++) {
                    row(specifications, id, position, specs.get(position).name(), specs.get(position).value());
                    rows++;
                }
                for (PriceTiers.Tier tier : priced.tiers()) {
                    row(tiers, id, tier.minQuantity(), tier.unitPriceMinor());
                    rows++;
                }
                List<ProductDetails.Certification> certs = details.certifications();
                for (int position = 0; position < certs.size(); position++) {
                    row(certifications, id, position, certs.get(position).kind().name(), certs.get(position).name());
                    rows++;
                }
            }
            return new Batch(size, rows, bytes(listings), bytes(texts), bytes(specifications), bytes(tiers),
                    bytes(certifications), 0);
        }
    }

    /** One row of PostgreSQL's COPY text format: tab-separated, {@code \N} for null, escaped. */
    static void row(StringBuilder out, @Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            } else if (value instanceof String text) {
                escape(out, text);
            } else {
                out.append(value);
            }
        }
        out.append('\n');
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static byte[] bytes(StringBuilder text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
