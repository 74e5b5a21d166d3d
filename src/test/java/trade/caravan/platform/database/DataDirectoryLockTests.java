package trade.caravan.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's data directory is held by one process at a time, so that a second
 * instance started on it by mistake fails with a clear message instead of stopping the first one's
 * PostgreSQL as an "orphan"; and the hold dies with its process, even on {@code kill -9}, so that a
 * real orphan is still recognised after a crash.
 */
class DataDirectoryLockTests {

    @TempDir
    Path directory;

    @Test
    void aSecondHolderInTheSameProcessIsRefusedUntilTheFirstLetsGo() throws IOException {
        Path data = directory.resolve("postgres");
        FileLock first = EmbeddedPostgresServer.lockDirectory(data);

        assertThatThrownBy(() -> EmbeddedPostgresServer.lockDirectory(data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another running Caravan")
                .hasMessageContaining("caravan.database.embedded.data-dir");

        EmbeddedPostgresServer.unlock(first);
        FileLock again = EmbeddedPostgresServer.lockDirectory(data);
        assertThat(again.isValid()).isTrue();
        EmbeddedPostgresServer.unlock(again);
    }

    @Test
    void anotherProcessHoldingItRefusesUsAndItsDeathByKillNineFreesIt() throws Exception {
        Path data = directory.resolve("postgres");
        Path lockFile = directory.resolve("postgres.lock");
        Path holder = directory.resolve("Holder.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        var lock = channel.lock();
                        System.out.println("locked " + lock.isValid());
                        Thread.sleep(120_000);
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, holder.toString(), lockFile.toString())
                .redirectErrorStream(true).start();
        try {
            var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked true");

            assertThatThrownBy(() -> EmbeddedPostgresServer.lockDirectory(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running Caravan");
        } finally {
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        FileLock ours = EmbeddedPostgresServer.lockDirectory(data);
        assertThat(ours.isValid()).isTrue();
        EmbeddedPostgresServer.unlock(ours);
    }
}
