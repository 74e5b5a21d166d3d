package trade.caravan.reference.load;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the loader recorded about each dataset: shown on the reference data overview. */
@Component
public class LoadedDatasets {

    /** One dataset as loaded: how many rows, when, how long it took, and the checksum of its files. */
    public record LoadedDataset(String name, long rows, Instant loadedAt, long loadMillis, String checksum) {
    }

    private final JdbcClient jdbc;

    LoadedDatasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LoadedDataset> all() {
        return jdbc.sql("select name, row_count, loaded_at, load_millis, checksum from reference.dataset order by name")
                .query((row, number) -> new LoadedDataset(row.getString("name"), row.getLong("row_count"),
                        row.getTimestamp("loaded_at").toInstant(), row.getLong("load_millis"), row.getString("checksum")))
                .list();
    }
}
