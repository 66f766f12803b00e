package io.continuity.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** Progress lines while the benchmark runs ({@code [bench 12:01:07] B2: 412/1000 channels resolved...}). */
final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Duration every;
    private long nextReport;

    Progress(Duration every) {
        this.every = every;
        this.nextReport = System.nanoTime();
    }

    static void say(String message) {
        System.out.println("[bench " + LocalTime.now().format(TIME) + "] " + message);
        System.out.flush();
    }

    /** Prints {@code message} at most once per reporting interval. */
    void every(Supplier<String> message) {
        long now = System.nanoTime();
        if (now >= nextReport) {
            nextReport = now + every.toNanos();
            say(message.get());
        }
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
