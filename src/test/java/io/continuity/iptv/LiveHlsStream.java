package io.continuity.iptv;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A live HLS stream made by ffmpeg while the test runs (test pattern and tone, H.264 and AAC in MPEG-TS segments of one
 * second, a sliding six-segment playlist: the format the playout ChannelManager writes, docs/playout-stream-format.md),
 * served as {@code /hls/{channel_id}/live.m3u8} with open CORS, as the playout HLS server serves it. Every channel id
 * gets the same stream.
 */
final class LiveHlsStream implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/hls/[0-9a-f-]{36}/(live\\.m3u8|seg-\\d+\\.ts)");

    private final Path dir;
    private final Process ffmpeg;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private LiveHlsStream(Path dir, Process ffmpeg, HttpServer server) {
        this.dir = dir;
        this.ffmpeg = ffmpeg;
        this.server = server;
    }

    /** Starts ffmpeg and the server on {@code port}, and returns once the playlist lists three segments. */
    static LiveHlsStream start(int port) throws IOException {
        io.continuity.testing.TestTools.requireFfmpeg();
        Path dir = Files.createTempDirectory("continuity-hls-");
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                    "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "25", "-keyint_min", "25",
                    "-sc_threshold", "0", "-c:a", "aac", "-b:a", "64k", "-f", "hls", "-hls_time", "1", "-hls_list_size", "6",
                    "-hls_flags", "delete_segments+program_date_time", "-hls_segment_filename", dir.resolve("seg-%d.ts").toString(),
                    dir.resolve("live.m3u8").toString())).redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        } catch (IOException e) {
            return fail("ffmpeg is needed for the Watch test and is not on the PATH: install it (Debian/Ubuntu: sudo apt-get install ffmpeg)");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        LiveHlsStream stream = new LiveHlsStream(dir, ffmpeg, server);
        server.createContext("/hls/", stream::serve);
        server.setExecutor(stream.executor);
        server.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.segmentsListed() >= 3 || !stream.ffmpeg.isAlive());
        if (!ffmpeg.isAlive()) {
            stream.close();
            fail("ffmpeg stopped: " + Files.readString(dir.resolve("ffmpeg.log")));
        }
        return stream;
    }

    private int segmentsListed() throws IOException {
        Path playlist = dir.resolve("live.m3u8");
        return Files.exists(playlist) ? (int) Files.readAllLines(playlist).stream().filter(l -> l.startsWith("#EXTINF")).count() : 0;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            Path file = m.matches() ? dir.resolve(m.group(1)) : null;
            byte[] body = file != null && Files.exists(file) ? Files.readAllBytes(file) : null;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean playlist = file.getFileName().toString().endsWith(".m3u8");
            exchange.getResponseHeaders().set("Content-Type", playlist ? "application/vnd.apple.mpegurl" : "video/mp2t");
            exchange.getResponseHeaders().set("Cache-Control", playlist ? "no-cache" : "max-age=60");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        ffmpeg.destroy();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
