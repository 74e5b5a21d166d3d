package trade.caravan.platform.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Where and how the embedded server runs. A {@code null} data directory means a throw-away
 * directory removed when the server stops (used by the test suite); otherwise the directory is
 * kept, and the server runs with full durability ({@code fsync}, synchronous commit).
 */
record EmbeddedPostgresSettings(@Nullable Path dataDirectory, int port, String databaseName) {

    boolean ephemeral() {
        return dataDirectory == null;
    }
}
