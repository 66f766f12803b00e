package io.continuity.playout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the live streams on the playout port: {@code GET /hls/{channel_id}/live.m3u8} and its segments
 * {@code /hls/{channel_id}/seg-<n>.ts}, from the output folder. Anything else is 404; CORS is open so a guide page served
 * from another origin can play the stream.
 */
public final class HlsServer implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/hls/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(live\\.m3u8|seg-\\d{1,18}\\.ts)");

    private final HttpServer server;
    private final Path root;

    public HlsServer(Path root, int port) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(port), 64);
        server.createContext("/hls/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().name("hls-http-", 0).daemon().factory()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            if (!m.matches() || !("GET".equals(exchange.getRequestMethod()) || head)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Path file = root.resolve(m.group(1)).resolve(m.group(2));
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (IOException e) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean playlist = m.group(2).endsWith(".m3u8");
            exchange.getResponseHeaders().add("Content-Type", playlist ? "application/vnd.apple.mpegurl" : "video/mp2t");
            exchange.getResponseHeaders().add("Cache-Control", playlist ? "no-cache" : "max-age=60");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
