package trade.caravan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per data directory and JVM, shared by every application context
 * that asks for it (the test suite caches several) and stopped when the last one lets go.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Servers by data directory and port; several databases may live on one server. */
    private static final Map<ServerKey, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private record ServerKey(@Nullable Path dataDirectory, int port) {

        static ServerKey of(EmbeddedPostgresSettings settings) {
            return new ServerKey(settings.dataDirectory(), settings.port());
        }
    }

    private final EmbeddedPostgresSettings settings;
    private final EmbeddedPostgres postgres;
    private final @Nullable FileLock directoryLock;
    private int leases;

    private EmbeddedPostgresServer(EmbeddedPostgresSettings settings, EmbeddedPostgres postgres,
            @Nullable FileLock directoryLock) {
        this.settings = settings;
        this.postgres = postgres;
        this.directoryLock = directoryLock;
    }

    static synchronized Lease acquire(EmbeddedPostgresSettings settings) {
        EmbeddedPostgresServer server = RUNNING.get(ServerKey.of(settings));
        if (server == null) {
            server = start(settings);
            RUNNING.put(ServerKey.of(settings), server);
        }
        try {
            createDatabaseIfMissing(server.postgres, settings.databaseName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.leases++;
        return server.new Lease(settings.databaseName());
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
        FileLock directoryLock = null;
        try {
            var builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            Path dataDirectory = settings.dataDirectory();
            if (dataDirectory == null) {
                builder.setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                Files.createDirectories(dataDirectory);
                // held until this server stops, and by the OS only as long as this process lives:
                // a postmaster found running while we hold it is an orphan, never a live instance's
                directoryLock = lockDirectory(dataDirectory);
                stopOrphanedServer(dataDirectory);
                builder.setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return new EmbeddedPostgresServer(settings, builder.start(), directoryLock);
        } catch (IOException e) {
            unlock(directoryLock);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        } catch (RuntimeException e) {
            unlock(directoryLock);
            throw e;
        }
    }

    /**
     * Takes the lock that says "a Caravan process runs PostgreSQL on this directory", a file beside
     * the data directory (PostgreSQL wants the directory itself empty at creation). Without it, a
     * second instance started on the same directory by mistake would take the first one's
     * postmaster for an orphan and stop it under its feet.
     *
     * @throws IllegalStateException when another process (or this one) holds it
     */
    static FileLock lockDirectory(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.toAbsolutePath().resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDirectory
                    + " is in use by another running Caravan. Stop it first, or give this one another "
                    + "caravan.database.embedded.data-dir.");
        }
        return lock;
    }

    static void unlock(@Nullable FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.channel().close(); // releases the lock
        } catch (IOException e) {
            log.warn("Could not release the lock of the embedded PostgreSQL data directory", e);
        }
    }

    /**
     * After a {@code kill -9} of the JVM the postmaster it started keeps running and holds the
     * data directory. It is ours (same directory), so stop it cleanly: every acknowledged commit
     * is already in its write-ahead log. A lock file naming a dead or foreign process is left to
     * PostgreSQL itself, which recognises a stale lock; only a lock naming a live process that is
     * not a postmaster (a recycled pid) is removed.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.warn("Found a stale postmaster.pid in {} (process {} is gone); PostgreSQL will recover",
                    dataDirectory, pid.get());
            return;
        }
        if (!isPostmaster(process.get())) {
            log.warn("postmaster.pid in {} names process {} which is not PostgreSQL; removing the stale lock",
                    dataDirectory, pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping orphaned PostgreSQL server (pid {}) left by an earlier run on {}",
                pid.get(), dataDirectory);
        ProcessHandle postmaster = process.get();
        postmaster.destroy(); // SIGTERM: smart shutdown; its clients died with the old JVM
        try {
            postmaster.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Orphaned PostgreSQL did not stop in {}; killing it, crash recovery will follow",
                    ORPHAN_STOP_TIMEOUT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL server", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostmaster(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(true);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) throws IOException {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the embedded database " + name, e);
        }
    }

    private void release() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--leases > 0) {
                return;
            }
            RUNNING.remove(ServerKey.of(settings));
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.error("Could not stop the embedded PostgreSQL server cleanly", e);
        } finally {
            unlock(directoryLock);
        }
    }

    /** A context's hold on the server; released when the context closes. */
    final class Lease {

        private final String databaseName;
        private boolean released;

        Lease(String databaseName) {
            this.databaseName = databaseName;
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", databaseName);
        }

        int port() {
            return postgres.getPort();
        }

        @Nullable Path dataDirectory() {
            return settings.dataDirectory();
        }

        void release() {
            synchronized (EmbeddedPostgresServer.class) {
                if (released) {
                    return;
                }
                released = true;
            }
            EmbeddedPostgresServer.this.release();
        }
    }
}
