package io.continuity.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * B6: time from process start to ready and resident memory after B2, with their references measured in the same run —
 * the start-to-exit time of an empty Java program on the same JVM (the floor of any Java service), and the service's
 * own resident memory just after it became ready with nothing to do.
 */
final class Footprint {

    private Double readySeconds;
    private Double consumingSeconds;
    private Double idleRssMiB;
    private Double rssAfterRebuildMiB;
    private Double peakRssAfterRebuildMiB;

    void ready(Duration startToReady, double idleRss, double consumingSeconds) {
        this.readySeconds = startToReady.toNanos() / 1e9;
        this.idleRssMiB = idleRss;
        this.consumingSeconds = consumingSeconds;
    }

    void afterRebuild(double rss, double peakRss) {
        this.rssAfterRebuildMiB = rss;
        this.peakRssAfterRebuildMiB = peakRss;
    }

    void addTo(Table table, BenchOptions options) {
        if (readySeconds != null) {
            double floor = jvmFloorSeconds();
            // says "AOT cache" only when the training run made one: a refused dump leaves the option on and the service cold
            boolean aot = options.aot() && java.nio.file.Files.exists(options.out().resolve("continuity.aot"));
            table.add("B6", "footprint: process start → ready (fresh database, empty topics" + (aot ? ", AOT cache)" : ", no AOT cache)"),
                    readySeconds, "s", floor, "empty Java program, start → exit", "< 3 s", readySeconds < 3);
            table.note(String.format("B6: /q/health/ready answered 200 after %.1f s, but the consumer group was stable with every input "
                    + "topic assigned only %.1f s after launch.", readySeconds, consumingSeconds));
        }
        if (rssAfterRebuildMiB != null) {
            table.add("B6", "footprint: resident memory after B2 (-Xmx512m)", rssAfterRebuildMiB, "MiB", idleRssMiB,
                    idleRssMiB == null ? null : "same service idle after ready", "< 512 MiB", rssAfterRebuildMiB < 512);
            table.note(String.format("B6: peak resident memory of the B2 service was %.0f MiB (VmHWM).", peakRssAfterRebuildMiB));
        }
    }

    /** The fastest of three starts of an empty main class with the same JVM and heap setting. */
    static double jvmFloorSeconds() {
        String classes = Path.of(JvmFloor.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try {
                Process p = new ProcessBuilder(KafkaTools.javaCommand(), "-Xmx512m", "-cp", classes, JvmFloor.class.getName())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("the empty Java program did not run");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
