package io.continuity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B7: the peer workload ({@code shared/bench/peer-workload.md}) resolved by the resolver core alone, in a child JVM
 * with the service's heap setting and one resolving thread, so its wall time and peak RSS compare with the figures
 * that file gives for a leading open-source scheduler on this machine kind (which are the "ceiling" column here).
 */
final class PeerWorkloadBenchmark {

    /** The peer's figures on 2 cores (peer-workload.md, re-measured on a quiet machine: medians of 3). */
    private static final double PEER_WALL_10 = 1.05;
    private static final double PEER_WALL_100 = 3.54;
    private static final double PEER_RSS_10 = 161;
    private static final double PEER_RSS_100 = 180;
    private static final double PEER_MS_PER_CHANNEL_WEEK_10 = 54.5;
    private static final double PEER_MS_PER_CHANNEL_WEEK_100 = 30.7;
    private static final double PEER_DEAD_AIR_PERCENT = 22;
    private static final double PEER_OFF_GRID_PERCENT = 100.0 * 12 / 2190;

    /** One child run: what ResolverBench reported and the process's wall time. */
    private record Run(int channels, double wallSeconds, Map<String, String> result) {

        double number(String key) {
            return Double.parseDouble(result.get(key));
        }
    }

    private PeerWorkloadBenchmark() {
    }

    static void run(BenchOptions options, Table table, Phases phases) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (int channels : options.scale().peerChannels()) {
            Progress.say("B7: resolving the peer workload, " + channels + " channels × 7 days, in a child JVM");
            runs.add(runChild(options, channels, phases));
        }
        for (Run run : runs) {
            boolean large = run.channels() >= 100;
            String size = run.channels() + " ch × 7 d";
            String peer = "peer, " + (large ? "100" : "10") + " ch";
            table.add("B7", "peer workload " + size + ": wall time (JVM start to exit)", run.wallSeconds(), "s",
                    large ? PEER_WALL_100 : PEER_WALL_10, peer, null, null);
            double rss = run.number("peak_rss_kb") / 1024;
            double peerRss = large ? PEER_RSS_100 : PEER_RSS_10;
            table.add("B7", "peer workload " + size + ": peak RSS", rss, "MiB", peerRss, peer, "≤ peer", rss <= peerRss);
            double perWeek = run.number("resolve_ms") / run.channels();
            double peerPerWeek = large ? PEER_MS_PER_CHANNEL_WEEK_100 : PEER_MS_PER_CHANNEL_WEEK_10;
            table.add("B7", "peer workload " + size + ": scheduler time per channel-week", perWeek, "ms", peerPerWeek, peer,
                    "≤ 0.1 × peer (≥10× faster)", perWeek <= peerPerWeek / 10);
        }
        Run last = runs.get(runs.size() - 1);
        double deadAir = 100.0 * last.number("gap_ms") / last.number("total_ms");
        table.add("B7", "peer workload: dead air share of the channel-weeks", deadAir, "%", PEER_DEAD_AIR_PERCENT, "peer", "< 1 %",
                deadAir < 1);
        double offGrid = 100.0 * last.number("off_grid") / last.number("programmes");
        table.add("B7", "peer workload: programme starts off the grid", offGrid, "%", PEER_OFF_GRID_PERCENT, "peer: 12 of 2,190",
                "none", last.number("off_grid") == 0);
        table.add("B7", "peer workload: repeats inside a channel-week", last.number("repeats"), "", 0.0, "peer", "none",
                last.number("repeats") == 0);
        table.note(String.format("B7: ResolverBench in a child JVM (-Xmx512m, 1 resolving thread), %d programmes, %.0f off-grid, "
                + "%.0f repeats, %.1f s of dead air per channel-week; the peer's figures are from shared/bench/peer-workload.md "
                + "(re-measured there on a quiet machine, medians of 3; not re-measured by this run).", (long) last.number("programmes"), last.number("off_grid"), last.number("repeats"),
                last.number("gap_ms") / 1000 / last.channels()));
    }

    private static Run runChild(BenchOptions options, int channels, Phases phases) throws IOException, InterruptedException {
        Files.createDirectories(options.out());
        Path log = options.out().resolve("peer-workload-" + channels + ".log");
        Path recording = options.out().resolve("peer-workload-" + channels + ".jfr").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(KafkaTools.javaCommand(), "-Xmx512m"));
        if (options.jfr()) {
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
        }
        command.addAll(List.of("-cp", KafkaTools.classPath(), "io.continuity.resolver.core.ResolverBench", Integer.toString(channels), "1",
                "2026-03-02"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the peer workload run failed; see " + log);
        }
        long end = System.nanoTime();
        phases.add("B7 peer workload " + channels + " ch", recording, start, end);
        String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the peer workload run printed no RESULT line; see " + log));
        Map<String, String> result = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            result.put(kv[0], kv[1]);
        }
        return new Run(channels, (end - start) / 1e9, result);
    }
}
