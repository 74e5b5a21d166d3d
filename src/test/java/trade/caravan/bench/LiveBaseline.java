package trade.caravan.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The baseline of the live-delivery benchmark: the JDK's bare {@link HttpServer} speaking the
 * same two requests as the platform, on the same paths, to the same client ({@link LiveClient}):
 * {@code GET /api/v1/negotiations/{id}/live} opens a server-sent event stream (first event
 * {@code ready}), and {@code POST /api/v1/negotiations/{id}/messages} answers 204 and hands the
 * event ({@code event: negotiation}, {@code id: <seq>}, the platform's data) to one fan-out
 * thread that writes it to every stream of that negotiation — as the platform's live hub does
 * after its transaction commits. No database, security, Spring or servlet container: what
 * delivering an event over HTTP costs on this machine with this many connections. It also
 * writes a fixture file in the platform's format (random negotiation ids, tokens that are sent
 * and ignored), so the client runs unchanged.
 *
 * <p>Usage: {@code java -cp target/test-classes trade.caravan.bench.LiveBaseline PORT NEGOTIATIONS FIXTURE}
 */
public final class LiveBaseline {

    private static final byte[] READY = "retry:3000\nevent:ready\ndata:{}\n\n".getBytes(StandardCharsets.UTF_8);
    private static final String LIVE = "/live";

    private final Map<String, List<OutputStream>> streams = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("live-fan-out").daemon().factory());
    private final AtomicLong seq = new AtomicLong();

    private LiveBaseline() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: LiveBaseline PORT NEGOTIATIONS FIXTURE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int negotiations = Integer.parseInt(args[1]);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < negotiations; i++) {
            lines.add(java.util.UUID.randomUUID() + " cvn_baseline_buyer_" + i + " cvn_baseline_supplier_" + i);
        }
        Files.write(Path.of(args[2]), lines);

        var baseline = new LiveBaseline();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        server.createContext("/api/v1/negotiations/", baseline::handle);
        // the platform answers on virtual threads too: the same scheduling on both sides
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("live baseline on http://127.0.0.1:" + port + "/ with " + negotiations + " negotiations");
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String rest = path.substring("/api/v1/negotiations/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        if ("GET".equals(exchange.getRequestMethod()) && path.endsWith(LIVE)) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(READY);
            out.flush();
            // the exchange stays open: the fan-out thread writes to it from now on
            streams.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(out);
        } else if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/messages")) {
            exchange.getRequestBody().readAllBytes();
            long n = seq.incrementAndGet();
            byte[] event = ("event:negotiation\nid:" + n + "\ndata:{\"negotiation\":\"" + id + "\",\"seq\":" + n
                    + ",\"kind\":\"MESSAGE\"}\n\n").getBytes(StandardCharsets.UTF_8);
            fanOut.execute(() -> {
                for (OutputStream out : streams.getOrDefault(id, List.of())) {
                    try {
                        out.write(event);
                        out.flush();
                    } catch (IOException gone) {
                        streams.get(id).remove(out);
                    }
                }
            });
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }
}
