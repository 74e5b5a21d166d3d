package trade.caravan.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The client of the live-delivery benchmark, the same against the platform ({@link LiveServer})
 * and against its baseline ({@link LiveBaseline}). For every line of FIXTURE
 * ({@code <negotiation id> <buyer token> <supplier token>}) it opens two server-sent event
 * streams, {@code GET /api/v1/negotiations/{id}/live}, one with each party's token (JDK
 * {@link HttpClient}, HTTP/1.1, one virtual thread reading each stream), and waits until every
 * stream got its {@code ready} event. Then the buyers post messages,
 * {@code POST /api/v1/negotiations/{id}/messages}, and each message is timed from just before
 * its POST until its event is read from the supplier's stream:
 *
 * <ul>
 * <li>{@code closed}: SENDERS senders, each with one message in flight at a time, each going
 * round its own share of the negotiations (so consecutive messages land on different
 * connections); WARMUP s unmeasured, then DURATION s measured: messages/s delivered to the other
 * party, and latency percentiles of the messages sent in that window;</li>
 * <li>{@code open}: messages started at a fixed RATE per second whatever the answers (a
 * negotiation that still has a message in flight is skipped and counted), latency from the time
 * a message was due, so a stall counts against every message it delays.</li>
 * </ul>
 *
 * <p>After the run every message posted must have reached both parties' streams (the buyer's own
 * stream hears of it too): what did not is reported as lost. Prints {@code RESULT} lines of
 * key=value pairs.
 *
 * <p>Usage: {@code java -cp target/test-classes trade.caravan.bench.LiveClient BASE_URL FIXTURE LABEL SENDERS WARMUP DURATION [RATE]}
 */
public final class LiveClient {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    /** A message in flight: complete when the supplier's stream has heard {@code expected} messages. */
    record Waiter(long expected, CompletableFuture<Long> arrived) {
    }

    static final class Pair {
        final String id;
        final String buyerToken;
        final String supplierToken;
        final AtomicLong supplierMessages = new AtomicLong();
        final AtomicLong buyerMessages = new AtomicLong();
        volatile long lastSeqSupplier;
        volatile long lastSeqBuyer;
        volatile Waiter waiter;

        Pair(String line) {
            String[] parts = line.strip().split(" ");
            this.id = parts[0];
            this.buyerToken = parts[1];
            this.supplierToken = parts[2];
        }
    }

    private final String base;
    private final List<Pair> pairs;
    private final HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final HttpClient postClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong postErrors = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong streamFailures = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final CountDownLatch ready;

    private LiveClient(String base, List<Pair> pairs) {
        this.base = base;
        this.pairs = pairs;
        this.ready = new CountDownLatch(pairs.size() * 2);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: LiveClient BASE_URL FIXTURE LABEL SENDERS WARMUP DURATION [RATE]");
            System.exit(2);
        }
        String base = args[0];
        List<Pair> pairs = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).map(Pair::new)
                .toList();
        String label = args[2];
        int senders = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int duration = Integer.parseInt(args[5]);
        double rate = args.length > 6 ? Double.parseDouble(args[6]) : 0;

        var client = new LiveClient(base, pairs);
        client.open();
        client.closedLoop(label, senders, warmup, duration);
        if (rate > 0) {
            client.openLoop(label, rate, warmup, duration);
        }
        client.checkDelivered(label);
        System.exit(0);
    }

    /** Opens two streams per negotiation, 64 connection attempts at a time, and waits for every {@code ready}. */
    private void open() throws InterruptedException {
        long started = System.nanoTime();
        Semaphore opening = new Semaphore(64);
        for (Pair pair : pairs) {
            for (boolean supplier : new boolean[] {false, true}) {
                opening.acquire();
                Thread.ofVirtual().start(() -> stream(pair, supplier, opening));
            }
        }
        if (!ready.await(180, TimeUnit.SECONDS)) {
            System.out.println("only " + (pairs.size() * 2 - ready.getCount()) + " of " + pairs.size() * 2
                    + " streams ready after 180 s; first error: " + firstError.get());
            System.exit(1);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT open streams=%d seconds=%.2f per_s=%.0f failures=%d%n", pairs.size() * 2,
                seconds, pairs.size() * 2 / seconds, streamFailures.get());
        String metrics = System.getProperty("live.metrics");
        if (metrics != null) { // the server's own count of its open live connections
            try {
                String text = postClient.send(HttpRequest.newBuilder(URI.create(metrics)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                text.lines().filter(l -> l.startsWith("caravan_live_connections"))
                        .forEach(l -> System.out.println("RESULT server " + l.replace(' ', '=')));
            } catch (IOException e) {
                System.out.println("no metrics: " + e);
            }
        }
    }

    private void stream(Pair pair, boolean supplier, Semaphore opening) {
        boolean released = false;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/negotiations/" + pair.id + "/live"))
                    .header("Authorization", "Bearer " + (supplier ? pair.supplierToken : pair.buyerToken))
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = streamClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new IOException("stream answered " + response.statusCode() + ": " + body);
            }
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                String data = null;
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if ("ready".equals(event)) {
                            ready.countDown();
                            opening.release();
                            released = true;
                        } else if ("negotiation".equals(event) && data != null) {
                            heard(pair, supplier, data);
                        }
                        event = null;
                        data = null;
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data = line.substring(5).strip();
                    }
                }
            }
            throw new IOException("stream ended");
        } catch (IOException | InterruptedException | RuntimeException e) {
            streamFailures.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
        } finally {
            if (!released) {
                opening.release();
            }
        }
    }

    private void heard(Pair pair, boolean supplier, String data) {
        if (!data.contains("\"kind\":\"MESSAGE\"")) {
            return;
        }
        long now = System.nanoTime();
        int at = data.indexOf("\"seq\":") + 6;
        int end = at;
        while (end < data.length() && Character.isDigit(data.charAt(end))) {
            end++;
        }
        long seq = Long.parseLong(data, at, end, 10);
        if (!data.contains(pair.id)) {
            outOfOrder.incrementAndGet(); // an event of another negotiation on this one's stream
            return;
        }
        if (supplier) {
            if (seq <= pair.lastSeqSupplier) {
                outOfOrder.incrementAndGet();
            }
            pair.lastSeqSupplier = seq;
            long heard = pair.supplierMessages.incrementAndGet();
            Waiter waiter = pair.waiter;
            if (waiter != null && heard >= waiter.expected()) {
                waiter.arrived().complete(now);
            }
        } else {
            if (seq <= pair.lastSeqBuyer) {
                outOfOrder.incrementAndGet();
            }
            pair.lastSeqBuyer = seq;
            pair.buyerMessages.incrementAndGet();
        }
    }

    /** Posts one message as the buyer; returns the time its event reached the supplier, or -1. */
    private long send(Pair pair, long number) {
        var waiter = new Waiter(pair.supplierMessages.get() + 1, new CompletableFuture<>());
        pair.waiter = waiter;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/negotiations/" + pair.id + "/messages"))
                .header("Authorization", "Bearer " + pair.buyerToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Benchmark message " + number + "\"}")).build();
        try {
            HttpResponse<String> response = postClient.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                postErrors.incrementAndGet();
                firstError.compareAndSet(null, "POST answered " + response.statusCode() + ": " + response.body());
                return -1;
            }
            posted.incrementAndGet();
            return waiter.arrived().get(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            timeouts.incrementAndGet();
            return -1;
        } catch (Exception e) {
            postErrors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
            return -1;
        } finally {
            pair.waiter = null;
        }
    }

    private void closedLoop(String label, int senders, int warmup, int duration) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        List<long[]> latencies = new ArrayList<>();
        AtomicLong delivered = new AtomicLong();
        AtomicLong number = new AtomicLong();
        long errorsBefore = postErrors.get() + timeouts.get();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            List<Pair> share = new ArrayList<>();
            for (int i = s; i < pairs.size(); i += senders) {
                share.add(pairs.get(i));
            }
            long[] mine = new long[1 << 18];
            latencies.add(mine);
            threads.add(Thread.ofVirtual().start(() -> {
                int count = 0;
                int next = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo) {
                        break;
                    }
                    long t1 = send(share.get(next), number.incrementAndGet());
                    next = (next + 1) % share.size();
                    if (t1 < 0) {
                        continue;
                    }
                    if (t1 >= measureFrom && t1 < measureTo) {
                        delivered.incrementAndGet();
                    }
                    if (t0 >= measureFrom && count < mine.length - 1) {
                        mine[++count] = t1 - t0;
                    }
                }
                mine[0] = count;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = merge(latencies);
        System.out.printf(Locale.ROOT, "RESULT %s mode=closed senders=%d msgs_per_s=%.1f %s errors=%d%n", label,
                senders, delivered.get() / (double) duration, percentiles(all), postErrors.get() + timeouts.get() - errorsBefore);
    }

    private void openLoop(String label, double rate, int warmup, int duration) throws InterruptedException {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        long[] latencies = new long[(int) (rate * duration * 1.1) + 16];
        AtomicLong recorded = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        long errorsBefore = postErrors.get() + timeouts.get();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long k = 0; ; k++) {
                long due = start + k * interval;
                if (due >= measureTo) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Pair pair = pairs.get((int) (k % pairs.size()));
                if (pair.waiter != null) {
                    skipped.incrementAndGet();
                    continue;
                }
                long n = k;
                pair.waiter = new Waiter(Long.MAX_VALUE, new CompletableFuture<>()); // taken until send() replaces it
                workers.execute(() -> {
                    long t1 = send(pair, n);
                    if (t1 >= 0 && t1 >= measureFrom && t1 < measureTo) {
                        delivered.incrementAndGet();
                    }
                    if (t1 >= 0 && due >= measureFrom) {
                        int i = (int) recorded.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[i] = t1 - due;
                        }
                    }
                });
            }
        }
        long[] all = Arrays.copyOf(latencies, (int) Math.min(recorded.get(), latencies.length));
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "RESULT %s mode=open rate=%.0f msgs_per_s=%.1f %s skipped=%d errors=%d%n", label,
                rate, delivered.get() / (double) duration, percentiles(all), skipped.get(),
                postErrors.get() + timeouts.get() - errorsBefore);
    }

    /** Every message posted must have reached both streams of its negotiation. */
    private void checkDelivered(String label) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long supplierHeard;
        long buyerHeard;
        do {
            Thread.sleep(200);
            supplierHeard = pairs.stream().mapToLong(p -> p.supplierMessages.get()).sum();
            buyerHeard = pairs.stream().mapToLong(p -> p.buyerMessages.get()).sum();
        } while ((supplierHeard < posted.get() || buyerHeard < posted.get()) && System.nanoTime() < deadline);
        System.out.printf(Locale.ROOT,
                "RESULT %s delivery posted=%d supplier_heard=%d buyer_heard=%d lost=%d out_of_order=%d stream_failures=%d "
                        + "post_errors=%d timeouts=%d%n",
                label, posted.get(), supplierHeard, buyerHeard,
                Math.max(0, posted.get() - supplierHeard) + Math.max(0, posted.get() - buyerHeard), outOfOrder.get(),
                streamFailures.get(), postErrors.get(), timeouts.get());
        if (firstError.get() != null) {
            System.out.println("first error: " + firstError.get());
        }
    }

    private static long[] merge(List<long[]> parts) {
        int total = 0;
        for (long[] part : parts) {
            total += (int) part[0];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 1, all, at, (int) part[0]);
            at += (int) part[0];
        }
        Arrays.sort(all);
        return all;
    }

    private static String percentiles(long[] sorted) {
        if (sorted.length == 0) {
            return "n=0";
        }
        return String.format(Locale.ROOT, "n=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f",
                sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
