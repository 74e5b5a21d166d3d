package trade.caravan.durability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, as an operator runs it ({@code java -cp ... CaravanApplication})
 * on the embedded PostgreSQL with a data directory that outlives it. Its output goes to a log file.
 *
 * <p>The class path is this test JVM's without the test classes: the child runs the application as
 * shipped, not with the test suite's configuration overrides ({@code test-classes/config}).
 */
final class ApplicationProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ApplicationProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the application and waits until its health endpoint says UP. */
    static ApplicationProcess start(Installation installation, Path log) throws IOException, InterruptedException {
        return start(installation, log, false);
    }

    /** As {@link #start(Installation, Path)}, seeding the demo data into an empty database if asked. */
    static ApplicationProcess start(Installation installation, Path log, boolean demo)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", applicationClassPath(),
                "trade.caravan.CaravanApplication",
                "--server.port=" + installation.httpPort(),
                "--caravan.database.embedded.data-dir=" + installation.databaseDirectory(),
                "--caravan.database.embedded.port=" + installation.databasePort(),
                "--caravan.security.data-key-file=" + installation.dataKeyFile(),
                "--caravan.demo.enabled=" + demo,
                "--caravan.sign-up.per-address-per-hour=100000",
                "--spring.main.banner-mode=off",
                // plain lines rather than the shipped JSON, for whoever reads the log after a failure
                "--logging.structured.format.console="));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        var application = new ApplicationProcess(process, log, installation.httpPort());
        application.awaitHealthy();
        return application;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        var health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue()
                        + " while starting; see " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up; keep polling
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The application was not UP within " + START_TIMEOUT + "; see " + log
                + ":\n" + tail());
    }

    URI uri(String path) {
        try {
            return new URI("http://localhost:" + httpPort + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, no flush. Returns the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The application survived SIGKILL: " + process.pid());
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it: a graceful shutdown. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The application did not stop within " + STOP_TIMEOUT + " of SIGTERM; see "
                    + log + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** The last lines of the log, for failure messages. */
    String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String applicationClassPath() {
        String testClasses = Path.of(location()).toAbsolutePath().normalize().toString();
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().toString().equals(testClasses))
                .toList();
        if (entries.stream().noneMatch(entry -> Files.exists(Path.of(entry, "trade", "caravan",
                "CaravanApplication.class")))) {
            throw new IllegalStateException("The application's classes are not on this JVM's class path: "
                    + entries);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static URI location() {
        try {
            return ApplicationProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
