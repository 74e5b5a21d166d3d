package trade.caravan.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The baseline of the public product page benchmark: the JDK's bare {@link HttpServer} answering
 * every request with the same bytes, read once from a file (a product page saved from the running
 * platform, so both sides send the same body). No routing, templates, security or database: what
 * an HTTP response costs on this machine and nothing more.
 *
 * <p>Usage: {@code java -cp target/test-classes trade.caravan.bench.FixedResponseServer PORT BODY_FILE [CONTENT_TYPE]}
 */
public final class FixedResponseServer {

    private FixedResponseServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: FixedResponseServer PORT BODY_FILE [CONTENT_TYPE]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String contentType = args.length > 2 ? args[2] : "text/html;charset=UTF-8";

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        // the platform answers on virtual threads too: the same scheduling on both sides
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("fixed response of " + body.length + " bytes on http://127.0.0.1:" + port + "/");
        new CountDownLatch(1).await();
    }
}
