package trade.caravan.reference.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import trade.caravan.reference.load.ReferenceDataLoader.Outcome;

/**
 * Loading the bundled files into the database: what ends up there, when a dataset is (not) loaded
 * again, and that a failed load leaves the previous data in place. Every test leaves the data as
 * it found it, since the rest of the suite shares the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferenceDataLoaderTests {

    @Autowired
    ReferenceDataLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CurrencyCodesDataset currencies;

    @Autowired
    HsNomenclatureDataset hs;

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long recordedRows(String dataset) {
        return jdbc.queryForObject("select row_count from reference.dataset where name = ?", Long.class, dataset);
    }

    private Timestamp loadedAt(String dataset) {
        return jdbc.queryForObject("select loaded_at from reference.dataset where name = ?", Timestamp.class, dataset);
    }

    private String checksum(String dataset) {
        return jdbc.queryForObject("select checksum from reference.dataset where name = ?", String.class, dataset);
    }

    /** Counts taken from the bundled files by reading them plainly, independently of the loaders. */
    @Test
    void rowCountsMatchTheFiles() throws Exception {
        long countries = 0;
        try (CsvTable file = CsvTable.open("countries/country-codes.csv", 1_000)) {
            for (CsvTable.Row row : file) {
                countries++;
            }
        }
        Set<String> currencyCodes = new HashSet<>();
        try (CsvTable file = CsvTable.open("currencies/iso4217-codes-all.csv", 1_000)) {
            int code = file.column("AlphabeticCode");
            file.forEach(row -> {
                if (!row.get(code).isBlank()) {
                    currencyCodes.add(row.get(code));
                }
            });
        }
        long hsRows = 0;
        try (CsvTable file = CsvTable.open("hs/harmonized-system.csv.gz", 10_000)) {
            int section = file.column("section");
            for (CsvTable.Row row : file) {
                hsRows += "TOTAL".equals(row.get(section)) ? 0 : 1;
            }
        }
        long ecbDays = 0;
        long ecbCurrencies;
        try (CsvTable file = CsvTable.open("ecb/eurofxref-hist.csv.gz", 10_000)) {
            ecbCurrencies = file.columnNames().stream().filter(name -> name.matches("[A-Z]{3}")).count();
            for (CsvTable.Row row : file) {
                ecbDays++;
            }
        }

        assertThat(count("reference.country")).isEqualTo(countries).isEqualTo(249);
        assertThat(count("reference.currency")).isEqualTo(currencyCodes.size());
        assertThat(count("reference.currency where withdrawn is null")).isEqualTo(178);
        assertThat(count("reference.hs_entry")).isEqualTo(21 + hsRows);
        assertThat(count("reference.hs_entry where level = 'SUBHEADING'")).isEqualTo(5_612);
        assertThat(count("reference.ecb_publication")).isEqualTo(ecbDays).isEqualTo(6_983);
        assertThat(count("reference.ecb_series")).isEqualTo(ecbCurrencies).isEqualTo(41);
        // reference-data/unlocode/SOURCE.md: 116,029 rows less 992 without transport function and 145 repeats
        assertThat(count("reference.location")).isEqualTo(116_029 - 992 - 145);
        assertThat(count("reference.subdivision")).isEqualTo(4_678 - 6);

        assertThat(recordedRows("countries")).isEqualTo(count("reference.country"));
        assertThat(recordedRows("hs")).isEqualTo(count("reference.hs_entry"));
        assertThat(recordedRows("unlocode")).isEqualTo(count("reference.location") + count("reference.subdivision"));
        assertThat(recordedRows("ecb-rates")).isEqualTo(count("reference.ecb_publication") + count("reference.ecb_series"));
    }

    @Test
    void aSecondStartLoadsNothing() {
        Timestamp before = loadedAt("unlocode");

        Map<String, Outcome> outcomes = loader.loadAll();

        assertThat(outcomes).containsOnlyKeys("countries", "currencies", "hs", "unlocode", "ecb-rates");
        assertThat(outcomes.values()).containsOnly(Outcome.UP_TO_DATE);
        assertThat(loadedAt("unlocode")).isEqualTo(before);
    }

    @Test
    void aChangedChecksumReloadsTheDataset() {
        Timestamp before = loadedAt("currencies");
        String checksum = checksum("currencies");
        jdbc.update("update reference.dataset set checksum = 'from an older bundle' where name = 'currencies'");

        assertThat(loader.load(currencies)).isEqualTo(Outcome.LOADED);

        assertThat(checksum("currencies")).isEqualTo(checksum);
        assertThat(loadedAt("currencies")).isAfter(before);
        assertThat(count("reference.currency")).isEqualTo(recordedRows("currencies"));
        assertThat(loader.load(currencies)).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void emptiedTablesAreLoadedAgain() {
        long rows = count("reference.currency");
        jdbc.update("delete from reference.currency");

        assertThat(loader.loadAll()).containsEntry("currencies", Outcome.LOADED);

        assertThat(count("reference.currency")).isEqualTo(rows);
    }

    @Test
    void twoNodesStartingTogetherLoadADatasetOnce() throws Exception {
        jdbc.update("update reference.dataset set checksum = 'stale' where name = 'hs'");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> nodes = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            for (int node = 0; node < 2; node++) {
                nodes.add(executor.submit(() -> {
                    start.await();
                    return loader.load(hs);
                }));
            }
            start.countDown();
        }

        assertThat(List.of(nodes.get(0).get(), nodes.get(1).get()))
                .containsExactlyInAnyOrder(Outcome.LOADED, Outcome.UP_TO_DATE);
        assertThat(count("reference.hs_entry")).isEqualTo(6_957);
    }

    @Test
    void aFailedLoadChangesNothing() {
        long rows = count("reference.currency");
        String checksum = checksum("currencies");
        long indexes = count("pg_indexes where schemaname = 'reference'");

        assertThatThrownBy(() -> loader.load(new CurrencyCodesDataset("test/currencies-missing-column.csv")))
                .hasMessageContaining("Loading the reference dataset currencies failed")
                .hasRootCauseMessage("test/currencies-missing-column.csv has no column \"AlphabeticCode\"");

        assertThat(count("reference.currency")).isEqualTo(rows);
        assertThat(checksum("currencies")).isEqualTo(checksum);
        assertThat(count("pg_indexes where schemaname = 'reference'")).as("no index lost").isEqualTo(indexes);
    }

    @Test
    void aFileWithManyBadRowsIsNotLoadedAtAll() {
        long rows = count("reference.currency");

        assertThatThrownBy(() -> loader.load(new CurrencyCodesDataset("test/currencies-mostly-bad.csv")))
                .hasMessageContaining("2 of 3 rows refused");

        assertThat(count("reference.currency")).isEqualTo(rows);
    }

    @Test
    void secondaryIndexesAreRebuiltAfterALoad() {
        jdbc.update("update reference.dataset set checksum = 'stale' where name = 'hs'");

        assertThat(loader.load(hs)).isEqualTo(Outcome.LOADED);

        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'hs_entry'", String.class))
                .contains("hs_entry_search", "hs_entry_parent");
    }

    @Test
    void copyEscapesWhatWouldOtherwiseEndAFieldOrARow() throws Exception {
        List<String> nasty = List.of("tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N",
                "quote \"x\"", "{brace,comma}", "汉字 ü");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("create temporary table copy_check (n integer, t text, a text[]) on commit drop");
            }
            try (CopyRows copy = CopyRows.into(connection, "copy_check", "n", "t", "a")) {
                for (int i = 0; i < nasty.size(); i++) {
                    copy.add(i, nasty.get(i), List.of(nasty.get(i), "second"));
                }
                copy.add(nasty.size(), null, List.of());
                assertThat(copy.finish()).isEqualTo(nasty.size() + 1);
            }
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("select n, t, a from copy_check order by n")) {
                for (String expected : nasty) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString("t")).isEqualTo(expected);
                    assertThat((String[]) rows.getArray("a").getArray()).containsExactly(expected, "second");
                }
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("t")).isNull();
                assertThat((String[]) rows.getArray("a").getArray()).isEmpty();
            }
            try (CopyRows copy = CopyRows.into(connection, "copy_check", "n", "t", "a")) {
                assertThatThrownBy(() -> copy.add(99, "nul\0byte", List.of()))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            connection.rollback();
        }
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> CopyRows.into(connection, "copy_check; drop table x", "n"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
