package trade.caravan.durability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients registering organizations over the API ({@code POST /api/v1/signup}) as fast as the
 * application answers, each in its own thread, until the application stops answering. Every
 * address answered 202 Accepted is acknowledged: the application has promised to keep it.
 */
final class SignUpWriters {

    private static final String PASSWORD = "durable writes outlive kill nine";

    private final ApplicationProcess application;
    private final String run;
    private final int writers;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> refusedBeforeCrash = new CopyOnWriteArrayList<>();
    private final AtomicBoolean crashing = new AtomicBoolean();
    private ExecutorService pool;

    SignUpWriters(ApplicationProcess application, String run, int writers) {
        this.application = application;
        this.run = run;
        this.writers = writers;
    }

    void start() {
        pool = Executors.newFixedThreadPool(writers);
        for (int writer = 0; writer < writers; writer++) {
            int id = writer;
            pool.execute(() -> write(id));
        }
    }

    private void write(int writer) {
        for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
            String email = "durable-%s-%d-%d@durability.example".formatted(run, writer, n);
            try {
                HttpResponse<String> response = http.send(signUp(application, email), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    acknowledged.add(email);
                } else if (!crashing.get()) {
                    refusedBeforeCrash.add(response.statusCode() + " for " + email + ": " + response.body());
                }
            } catch (IOException applicationGone) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A sign-up of a new organization owned by {@code email}. */
    static HttpRequest signUp(ApplicationProcess application, String email) {
        String body = """
                {"legalName": "Durable Trading for %s", "country": "DE", "tradeRole": "EXPORTER",
                 "displayName": "Writer", "email": "%s", "password": "%s"}"""
                .formatted(email, email, PASSWORD);
        return HttpRequest.newBuilder(application.uri("/api/v1/signup"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Waits until at least {@code count} sign-ups are acknowledged. */
    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline || pool.isTerminated()) {
                throw new IllegalStateException("Only " + acknowledged.size() + " sign-ups acknowledged; refused: "
                        + refusedBeforeCrash + "; see " + application.tail());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** From now on, refusals are expected: the crash is about to begin. */
    void crashBegins() {
        crashing.set(true);
    }

    /** Waits for every writer to notice the application is gone; returns the acknowledged addresses. */
    Set<String> finish() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(3, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("Writers still running after the application was killed");
        }
        return Set.copyOf(acknowledged);
    }

    List<String> refusedBeforeCrash() {
        return List.copyOf(refusedBeforeCrash);
    }
}
