package trade.caravan.reference.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies the bundled reference datasets into the database when the application starts, before
 * it serves requests: a dataset is loaded when its tables are empty or when its files (or the way
 * they are read) changed since the last load, as recorded in {@code reference.dataset}.
 *
 * <p>Each dataset loads in one transaction (empty the tables, {@code COPY} the rows in, record the
 * checksum), so readers see the old data or the new, never a mix, and a failure changes nothing.
 * Nodes starting together serialise on a PostgreSQL advisory lock per dataset; whoever gets it
 * second finds the dataset up to date and skips it.
 */
@Component
class ReferenceDataLoader implements SmartInitializingSingleton {

    /** First key of the advisory locks, "REF1" in ASCII, so they cannot collide with other modules' locks. */
    static final int LOCK_NAMESPACE = 0x52454631;
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    private static final Pattern TABLE = Pattern.compile("reference\\.([a-z_]+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String SECONDARY_INDEXES = """
            select i.indexname, i.indexdef from pg_indexes i
            where i.schemaname = 'reference' and i.tablename = ?
              and not exists (select 1 from pg_constraint c
                              where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            order by i.indexname
            """;

    /** What happened to a dataset. */
    enum Outcome {
        LOADED,
        UP_TO_DATE
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<ReferenceDataset> datasets;
    private final Clock clock;
    private final ReferenceDataSettings settings;

    ReferenceDataLoader(DataSource dataSource, List<ReferenceDataset> datasets, Clock clock,
            ReferenceDataSettings settings) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.datasets = List.copyOf(datasets);
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.loadOnStartup()) {
            loadAll();
        } else {
            log.info("Reference data: loading at start-up is switched off (caravan.reference.load-on-startup)");
        }
    }

    Map<String, Outcome> loadAll() {
        Instant start = clock.instant();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (ReferenceDataset dataset : datasets) {
            outcomes.put(dataset.name(), load(dataset));
        }
        log.info("Reference data: {} datasets checked in {} ms: {}", outcomes.size(),
                Duration.between(start, clock.instant()).toMillis(), outcomes);
        return outcomes;
    }

    Outcome load(ReferenceDataset dataset) {
        String checksum;
        try {
            checksum = DatasetFiles.checksum(dataset.name(), dataset.version(), dataset.files());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled reference dataset " + dataset.name(), e);
        }
        if (upToDate(dataset, checksum)) {
            return Outcome.UP_TO_DATE;
        }
        Outcome outcome = transaction.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(?, ?)", rows -> null, LOCK_NAMESPACE, dataset.name().hashCode());
            if (upToDate(dataset, checksum)) {
                log.info("Reference data: {} was loaded meanwhile by another node", dataset.name());
                return Outcome.UP_TO_DATE;
            }
            copy(dataset, checksum);
            return Outcome.LOADED;
        });
        return outcome == null ? Outcome.UP_TO_DATE : outcome;
    }

    private void copy(ReferenceDataset dataset, String checksum) {
        log.info("Reference data: loading {} from {}", dataset.name(), dataset.files());
        Instant start = clock.instant();
        List<String> tables = dataset.tables();
        tables.forEach(ReferenceDataLoader::tableName);
        // building an index once over all rows is several times faster than growing it row by row
        jdbc.execute("set local maintenance_work_mem = '256MB'");
        List<String> indexes = dropSecondaryIndexes(tables);
        jdbc.execute("truncate table " + String.join(", ", tables));
        LoadReport report;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            report = dataset.load(connection);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Loading the reference dataset " + dataset.name() + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        indexes.forEach(jdbc::execute);
        jdbc.execute("analyze " + String.join(", ", tables));
        long counted = count(tables);
        if (counted != report.rows()) {
            throw new IllegalStateException("Reference dataset " + dataset.name() + ": " + report.rows()
                    + " rows copied but " + counted + " found");
        }
        long millis = Duration.between(start, clock.instant()).toMillis();
        jdbc.update("""
                insert into reference.dataset (name, checksum, row_count, loaded_at, load_millis)
                values (?, ?, ?, ?, ?)
                on conflict (name) do update set checksum = excluded.checksum, row_count = excluded.row_count,
                    loaded_at = excluded.loaded_at, load_millis = excluded.load_millis
                """, dataset.name(), checksum, report.rows(), Timestamp.from(clock.instant()), millis);
        log.info("Reference data: {} loaded, {} rows in {} ms; {}", dataset.name(), report.rows(), millis,
                String.join("; ", report.notes()));
    }

    /**
     * Drops the indexes of the tables that no constraint owns and returns the statements that
     * recreate them exactly as the migrations defined them ({@code pg_indexes.indexdef}).
     */
    private List<String> dropSecondaryIndexes(List<String> tables) {
        List<String> definitions = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> index : jdbc.queryForList(SECONDARY_INDEXES, tableName(table))) {
                String name = String.valueOf(index.get("indexname"));
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalStateException("Unexpected index name " + name);
                }
                jdbc.execute("drop index reference." + name);
                definitions.add(String.valueOf(index.get("indexdef")));
            }
        }
        return definitions;
    }

    /** Loaded from the same files, and all of its rows are still there. */
    private boolean upToDate(ReferenceDataset dataset, String checksum) {
        List<Map<String, Object>> recorded = jdbc.queryForList(
                "select checksum, row_count from reference.dataset where name = ?", dataset.name());
        if (recorded.isEmpty() || !checksum.equals(recorded.getFirst().get("checksum"))) {
            return false;
        }
        Object rows = recorded.getFirst().get("row_count");
        return rows instanceof Number number && number.longValue() == count(dataset.tables());
    }

    private long count(List<String> tables) {
        long total = 0;
        for (String table : tables) {
            tableName(table);
            @Nullable Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
            total += rows == null ? 0 : rows;
        }
        return total;
    }

    /** The table's name without the schema; refuses anything but a plain table of the reference schema. */
    private static String tableName(String table) {
        var matcher = TABLE.matcher(table);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a table of the reference schema: " + table);
        }
        return matcher.group(1);
    }
}
