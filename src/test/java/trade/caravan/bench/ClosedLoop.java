package trade.caravan.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * A closed-loop load driver, as wrk is: {@code threads} workers each send the next request as soon
 * as the previous one is answered, cycling through the work items from different starting points,
 * for a warm-up period (not counted) and then a measured period. Every answer's latency is kept,
 * so percentiles are exact, not bucketed.
 */
final class ClosedLoop {

    /** What one run measured. */
    record Result(String name, int threads, long requests, double seconds, double perSecond, double p50Millis,
            double p90Millis, double p99Millis, double maxMillis) {

        String line() {
            return String.format(Locale.ROOT,
                    "RESULT %s threads=%d requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f",
                    name, threads, requests, seconds, perSecond, p50Millis, p90Millis, p99Millis, maxMillis);
        }
    }

    private ClosedLoop() {
    }

    /**
     * Runs {@code work} (given the index of the item to do) on {@code threads} threads over
     * {@code items} items; a failure of any item stops the run and is rethrown.
     */
    static Result run(String name, int threads, int items, double warmupSeconds, double seconds, IntConsumer work)
            throws InterruptedException {
        phase(threads, items, warmupSeconds, work, null);
        List<long[]> latencies = new ArrayList<>();
        long started = System.nanoTime();
        phase(threads, items, seconds, work, latencies);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            throw new IllegalStateException("No request completed in " + seconds + " s");
        }
        return new Result(name, threads, all.length, elapsed, all.length / elapsed, percentile(all, 50),
                percentile(all, 90), percentile(all, 99), all[all.length - 1] / 1e6);
    }

    private static void phase(int threads, int items, double seconds, IntConsumer work, List<long[]> latencies)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Throwable[] failure = new Throwable[1];
        Thread[] workers = new Thread[threads];
        long[][] recorded = new long[threads][];
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers[t] = Thread.ofPlatform().name(name(t)).start(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                int item = (int) ((worker * 7919L) % items);
                try {
                    while (!stop.get()) {
                        long begin = System.nanoTime();
                        work.accept(item);
                        long took = System.nanoTime() - begin;
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = took;
                        item = (item + 1) % items;
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    stop.set(true);
                }
                recorded[worker] = mine;
                counts[worker] = count;
            });
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("A request failed", failure[0]);
        }
        if (latencies != null) {
            for (int t = 0; t < threads; t++) {
                latencies.add(Arrays.copyOf(recorded[t], counts[t]));
            }
        }
    }

    private static String name(int worker) {
        return "load-" + worker;
    }

    private static double percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
