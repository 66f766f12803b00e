package io.continuity.library;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@code ffprobe -v error -print_format json -show_format -show_streams} on one file and reads its answer. A file
 * ffprobe cannot read, or in which it finds no duration and no stream, is a {@link ProbeFailed}.
 */
public final class Ffprobe {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads ffprobe's output; virtual threads, so parallel probes never wait on a small shared pool. */
    private static final Executor READERS = Executors.newVirtualThreadPerTaskExecutor();

    private final String command;
    private final Duration timeout;

    /** {@code command}: the ffprobe executable (a name on the PATH or a path). */
    public Ffprobe(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    /** Why a file could not be probed; the message is for the scan report. */
    public static final class ProbeFailed extends Exception {
        private static final long serialVersionUID = 1L;

        public ProbeFailed(String message) {
            super(message);
        }
    }

    public MediaProbe probe(Path file) throws ProbeFailed {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command, "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                    file.toAbsolutePath().toString())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + " (install ffmpeg, or set continuity.library.ffprobe): "
                    + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = read(process.getInputStream());
            CompletableFuture<byte[]> err = read(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ProbeFailed("ffprobe did not answer within " + timeout);
            }
            if (process.exitValue() != 0) {
                String message = new String(err.join(), StandardCharsets.UTF_8).strip();
                throw new ProbeFailed("ffprobe: " + (message.isEmpty() ? "exit " + process.exitValue() : firstLine(message)));
            }
            return parse(JSON.readTree(out.join()));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProbeFailed("interrupted");
        } catch (IOException e) {
            throw new ProbeFailed("ffprobe answered with something that is not JSON: " + e.getMessage());
        }
    }

    /** Reads ffprobe's JSON answer. */
    static MediaProbe parse(JsonNode root) throws ProbeFailed {
        JsonNode format = root.path("format");
        JsonNode video = firstStream(root, "video");
        JsonNode audio = firstStream(root, "audio");
        long durationMs = millis(format.path("duration").asText(""));
        if (durationMs <= 0 && video != null) {
            durationMs = millis(video.path("duration").asText(""));
        }
        if (durationMs <= 0) {
            throw new ProbeFailed("ffprobe found no duration");
        }
        if (video == null && audio == null) {
            throw new ProbeFailed("ffprobe found no video or audio stream");
        }
        return new MediaProbe(durationMs, text(format, "format_name"), video == null ? null : text(video, "codec_name"),
                audio == null ? null : text(audio, "codec_name"), video == null ? null : positive(video, "width"),
                video == null ? null : positive(video, "height"), video == null ? null : frameRate(video),
                audio == null ? null : positive(audio, "channels"));
    }

    private static JsonNode firstStream(JsonNode root, String type) {
        for (JsonNode stream : root.path("streams")) {
            boolean picture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if (type.equals(stream.path("codec_type").asText()) && !picture) {
                return stream;
            }
        }
        return null;
    }

    private static String frameRate(JsonNode video) {
        for (String field : List.of("avg_frame_rate", "r_frame_rate")) {
            String rate = video.path(field).asText("");
            if (rate.matches("[1-9][0-9]{0,8}/[1-9][0-9]{0,8}")) {
                return rate;
            }
        }
        return null;
    }

    private static long millis(String seconds) {
        try {
            return new BigDecimal(seconds).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isEmpty() ? null : value;
    }

    private static Integer positive(JsonNode node, String field) {
        int value = node.path(field).asInt(0);
        return value > 0 ? value : null;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static CompletableFuture<byte[]> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, READERS);
    }
}
