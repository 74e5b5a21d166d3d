package trade.caravan.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One installation on disk, as an operator keeps it across restarts: the embedded PostgreSQL data
 * directory, the data key, and the ports they run on (fixed, so a restart finds the same server).
 * Logs go to {@code target/durability/logs} and are kept when the installation is removed.
 */
record Installation(String id, Path root, Path logDirectory, int httpPort, int databasePort) {

    static Installation create() throws IOException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path durability = Path.of("target", "durability").toAbsolutePath();
        Path root = Files.createDirectories(durability.resolve(id));
        Path logs = Files.createDirectories(durability.resolve("logs"));
        return new Installation(id, root, logs, freePort(), freePort());
    }

    Path databaseDirectory() {
        return root.resolve("postgres");
    }

    Path dataKeyFile() {
        return root.resolve("secrets").resolve("data.key");
    }

    Path log(String run) {
        return logDirectory.resolve(id + "-" + run + ".log");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/caravan", "postgres", "");
    }

    /** The PostgreSQL server running on this installation's data directory, if one is. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = databaseDirectory().resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(true));
    }

    /**
     * {@code kill -9} of the server and every process it started, at once, as a crash of the
     * machine would stop them; shared memory and the lock file stay behind for crash recovery.
     */
    void killDatabase() throws IOException, InterruptedException {
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new IllegalStateException("No PostgreSQL running"));
        List<ProcessHandle> all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            awaitExit(process);
        }
    }

    /** Stops whatever a failed test left running here, then deletes the data (not the logs). */
    void remove() throws IOException, InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            killDatabase();
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void awaitExit(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Process " + process.pid() + " did not exit", e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
