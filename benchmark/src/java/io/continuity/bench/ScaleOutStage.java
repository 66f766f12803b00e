package io.continuity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.continuity.testing.TestDatabase;

/**
 * B8: the rebuild of B2 at ten times its size (10,000 channels × 7 days at full scale) on one instance with a 1 GiB heap.
 * The figures are what docs/capacity.md rests on: the wall time against B2's in the same run (the goal: at most 11 ×,
 * so nothing grows faster than the channels), playlog rows per second, the service's peak resident memory, and the
 * heap it needed — the most it held after a collection over the whole run, read from its GC log.
 */
final class ScaleOutStage {

    /** The heap B8's service gets: the goal's bound, so a rebuild that needed more would fail with OutOfMemoryError. */
    static final int HEAP_MIB = 1024;
    /** Peak resident memory allowed by the goal. */
    static final int RSS_GOAL_MIB = 1536;
    /** A unified-logging GC line, e.g. {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(1024M) 5.1ms}. */
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final BenchOptions options;
    private final Phases phases;

    ScaleOutStage(BenchOptions options, Phases phases) {
        this.options = options;
        this.phases = phases;
    }

    /** Runs B8; {@code b2Seconds} is B2's wall time in this run (null: B2 did not run, so there is no ratio). */
    void run(Table table, Double b2Seconds) throws Exception {
        Scale scale = options.scale();
        int channels = scale.scaleOutChannels();
        if (channels == 0) {
            table.note("B8: not run at scale '" + scale.name() + "' (full: 10,000 channels; small: 1,000).");
            return;
        }
        try (BenchStack stack = BenchStack.start(options)) {
            PeerCorpus corpus = new PeerCorpus(scale.library(), 0xB2L);
            long published = RebuildStage.publish(stack, corpus, channels);
            TestDatabase database = stack.database("continuity_bench_scale");
            Progress.say("B8: replaying " + published + " records (" + channels + " channels × " + Scale.DAYS + " days) into an empty "
                    + "database, one instance, -Xmx" + HEAP_MIB + "m");
            Path gcLog = options.out().resolve("scale-gc.log").toAbsolutePath();
            Files.deleteIfExists(gcLog);
            Service service = stack.startService("scale", database, List.of("-Xmx" + HEAP_MIB + "m", "-Xlog:gc:file=" + gcLog));
            long resolved = RebuildStage.awaitResolved("B8", service, channels, published, scale);
            double wall = (resolved - service.launchedNanos()) / 1e9;
            double cpu = ProcStatus.cpuSeconds(service.pid());
            double peakRss = ProcStatus.peakRssMiB(service.pid());
            phases.add("B8 rebuild", stack.jfrFile("scale"), service.launchedNanos(), resolved);
            long rows = service.db().count("SELECT count(*) FROM broadcast_playlog_event");
            long tableBytes = service.db().count("SELECT pg_total_relation_size('broadcast_playlog_event')");
            stack.stop(service);
            Heap heap = heap(Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of());

            table.add("B8", String.format("scale-out: %,d ch × %d days from the log, wall time", channels, Scale.DAYS), wall, "s", b2Seconds,
                    b2Seconds == null ? "B2 not run" : "B2: " + scale.rebuildChannels() + " channels, same run", "≤ 11 × B2",
                    b2Seconds == null ? null : wall <= 11 * b2Seconds);
            table.add("B8", "scale-out: heap held after collections, most over the run (-Xmx" + HEAP_MIB + "m)", (double) heap.afterMiB(), "MiB",
                    (double) HEAP_MIB, "the heap's bound", "≤ 1 GiB", heap.collections() > 0 && heap.afterMiB() <= HEAP_MIB);
            table.add("B8", "scale-out: peak resident memory (VmHWM)", peakRss, "MiB", (double) RSS_GOAL_MIB, "the goal's bound", "≤ 1.5 GiB",
                    peakRss <= RSS_GOAL_MIB);
            table.note(String.format("B8: %,d channels × %d days = %,d playlog rows (%,d MB with indexes) on one instance with -Xmx%dm; "
                    + "resolved %.1f s after launch (%,.0f playlog rows/s); %.0f CPU-seconds of service (%.0f µs per playlog row); %d collections, heap before "
                    + "a collection at most %d MiB; peak RSS %.0f MiB (%.1f KiB per channel). GC log: %s.", channels, Scale.DAYS, rows,
                    tableBytes >> 20, HEAP_MIB, wall, rows / wall, cpu, cpu * 1e6 / rows, heap.collections(), heap.beforeMiB(), peakRss,
                    peakRss * 1024 / channels, gcLog));
        }
    }

    /** What a GC log says about the heap: collections, the most in use before one and the most still held after one. */
    record Heap(int collections, long beforeMiB, long afterMiB) {
    }

    static Heap heap(List<String> gcLog) {
        int collections = 0;
        long before = 0;
        long after = 0;
        for (String line : gcLog) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                collections++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
            }
        }
        return new Heap(collections, before, after);
    }
}
