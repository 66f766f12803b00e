package io.continuity.resolver.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Resolves the peer workload of {@code shared/bench/peer-workload.md}: N channels × 7 days over a fixed library
 * (50 series × 100 episodes of 22 min, 200 movies of 90–150 min, 300 fillers of 15–180 s), and prints
 * channel-days per second, peak RSS, gap share, off-grid programme starts and repeats per channel-week.
 * Not a test; the benchmark harness (B7) runs it in a child JVM. Run: {@code java -cp target/classes:target/test-classes:<cron-utils jars>
 * io.continuity.resolver.core.ResolverBench [channels] [threads] [first-day] [--digest]}.
 *
 * <p>With {@code --digest} it also prints two SHA-256 digests: one over every resolved event (channel by channel,
 * day by day, in order, in {@link ResolvedEvent#toString()} form) and one over every resolved day as a whole (events,
 * decisions, plan lineage and carry-out), so a change to the resolver can be checked to leave its output byte-identical.
 * Computing them is part of the timed work, so time a run without it.
 */
public final class ResolverBench {

    private static final int DAYS = 7;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ResolverBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(List.of(args));
        boolean digest = positional.remove("--digest");
        int channels = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 100;
        int threads = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 1;
        LocalDate firstDay = LocalDate.parse(positional.size() > 2 ? positional.get(2) : "2026-03-02");
        long setupStart = System.nanoTime();
        Library library = Library.build(new Random(20_260_101L));
        List<ResolveRequest> requests = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            requests.add(library.request(c, firstDay));
        }
        // the clock runs from the first resolution to the last: building the inputs (plans, whose cron expressions are
        // parsed and validated when constructed) is setup, as loading them from the database is in the service
        long resolveStart = System.nanoTime();
        List<ChannelWeek> weeks = resolveAll(requests, threads, digest);
        long resolveEnd = System.nanoTime();
        WeekFigures total = new WeekFigures(0, 0, 0, 0, 0, 0);
        long cpuNanos = 0;
        for (ChannelWeek week : weeks) {
            total = total.plus(week.figures());
            cpuNanos += week.cpuNanos();
        }
        report(total, channels, threads, firstDay, resolveStart - setupStart, resolveEnd - resolveStart, cpuNanos);
        if (digest) {
            reportDigests(weeks);
        }
    }

    /** What one channel-week leaves behind: its figures and, with --digest, the digests of its events and days. */
    private record ChannelWeek(WeekFigures figures, long cpuNanos, byte[] eventDigest, byte[] dayDigest) {

        static ChannelWeek of(ChannelSpec channel, List<ResolvedDay> week, long cpuNanos, boolean digest) {
            WeekFigures figures = WeekFigures.of(channel, week);
            if (!digest) {
                return new ChannelWeek(figures, cpuNanos, null, null);
            }
            MessageDigest events = sha256();
            MessageDigest days = sha256();
            for (ResolvedDay day : week) {
                for (ResolvedEvent event : day.events()) {
                    events.update((event + "\n").getBytes(StandardCharsets.UTF_8));
                }
                days.update((day + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new ChannelWeek(figures, cpuNanos, events.digest(), days.digest());
        }
    }

    private static void reportDigests(List<ChannelWeek> weeks) {
        MessageDigest events = sha256();
        MessageDigest days = sha256();
        for (ChannelWeek week : weeks) {
            events.update(week.eventDigest());
            days.update(week.dayDigest());
        }
        System.out.printf("DIGEST events=%s days=%s%n", HexFormat.of().formatHex(events.digest()),
                HexFormat.of().formatHex(days.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Figures of one or more channel-weeks; the resolved days themselves are not kept. */
    private record WeekFigures(long totalMs, long gapMs, long fillerMs, int programmes, int offGrid, int repeats) {

        static WeekFigures of(ChannelSpec channel, List<ResolvedDay> week) {
            ChannelGrid grid = new ChannelGrid(channel);
            Set<UUID> seen = new HashSet<>();
            long total = 0;
            long gap = 0;
            long filler = 0;
            int programmes = 0;
            int offGrid = 0;
            int repeats = 0;
            List<ResolvedEvent> events = new ArrayList<>();
            for (ResolvedDay day : week) {
                events.addAll(day.events());
            }
            for (ResolvedEvent event : events) {
                long millis = event.duration().toMillis();
                total += millis;
                gap += event.kind() == EventKind.GAP ? millis : 0;
                filler += event.kind() == EventKind.FILLER || event.kind() == EventKind.BUMPER ? millis : 0;
                if (event.kind() == EventKind.PROGRAM) {
                    programmes++;
                    offGrid += grid.isBoundary(event.start()) ? 0 : 1;
                    repeats += seen.add(event.assetUuid()) ? 0 : 1;
                }
            }
            return new WeekFigures(total, gap, filler, programmes, offGrid, repeats);
        }

        WeekFigures plus(WeekFigures other) {
            return new WeekFigures(totalMs + other.totalMs, gapMs + other.gapMs, fillerMs + other.fillerMs,
                    programmes + other.programmes, offGrid + other.offGrid, repeats + other.repeats);
        }
    }

    private static List<ChannelWeek> resolveAll(List<ResolveRequest> requests, int threads, boolean digest) throws Exception {
        Resolver resolver = new Resolver();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ChannelWeek>> futures = new ArrayList<>();
            for (ResolveRequest request : requests) {
                futures.add(pool.submit(() -> {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    List<ResolvedDay> week = resolver.resolveDays(request, DAYS);
                    return ChannelWeek.of(request.channel(), week, THREADS.getCurrentThreadCpuTime() - cpuStart, digest);
                }));
            }
            List<ChannelWeek> weeks = new ArrayList<>();
            for (Future<ChannelWeek> future : futures) {
                weeks.add(future.get());
            }
            return weeks;
        } finally {
            pool.shutdown();
        }
    }

    private static void report(WeekFigures figures, int channels, int threads, LocalDate first, long setupNanos,
                               long resolveNanos, long cpuNanos) throws IOException {
        double seconds = resolveNanos / 1e9;
        System.out.printf("workload: %d channels x %d days from %s (%d threads)%n", channels, DAYS, first, threads);
        System.out.printf("setup %.2f s, resolve %.2f s: %.0f channel-days/s, %.1f ms per channel-week%n",
                setupNanos / 1e9, seconds, channels * DAYS / seconds, resolveNanos / 1e6 / channels);
        // CPU time of the resolving threads: on a busy machine the wall time above includes waiting for a core
        System.out.printf("resolving threads' CPU time %.2f s: %.1f ms per channel-week%n", cpuNanos / 1e9, cpuNanos / 1e6 / channels);
        System.out.printf("peak RSS %s%n", peakRss());
        System.out.printf("gap share %.4f %% (%.1f s per channel-week), filler share %.2f %%%n",
                100.0 * figures.gapMs() / figures.totalMs(), figures.gapMs() / 1000.0 / channels,
                100.0 * figures.fillerMs() / figures.totalMs());
        System.out.printf("programme items %d, off-grid starts %d, repeats inside a channel-week %d%n",
                figures.programmes(), figures.offGrid(), figures.repeats());
        // one machine-readable line for the benchmark harness (io.continuity.bench.PeerWorkloadBenchmark)
        System.out.printf(java.util.Locale.ROOT, "RESULT channels=%d days=%d threads=%d resolve_ms=%.1f resolve_cpu_ms=%.1f peak_rss_kb=%s "
                + "total_ms=%d gap_ms=%d programmes=%d "
                + "off_grid=%d repeats=%d%n", channels, DAYS, threads, resolveNanos / 1e6, cpuNanos / 1e6, peakRss().replace("kB", "").trim(),
                figures.totalMs(), figures.gapMs(), figures.programmes(), figures.offGrid(), figures.repeats());
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("n/a");
    }

    /** The fixed library and the per-channel plan of the peer workload. */
    private record Library(InMemoryCatalog catalog) {

        private static final ContentRule MOVIES = ContentRule.fromMap(Map.of("kind", "movie"));
        private static final PlaybackRules NO_REPEAT_WEEK = PlaybackRules.fromMap(Map.of("random", true,
                "avoid_repeats", true, "avoid_repeats_window_days", 7));

        static Library build(Random random) {
            List<CatalogAsset> assets = new ArrayList<>();
            for (int s = 0; s < 50; s++) {
                for (int e = 0; e < 100; e++) {
                    assets.add(AssetBuilder.episode("series-" + s, 1 + e / 20, 1 + e % 20, 22).build());
                }
            }
            for (int m = 0; m < 200; m++) {
                long millis = Duration.ofMinutes(90).toMillis() + random.nextInt(3_600_001);
                assets.add(AssetBuilder.movie("Movie " + m, 90).durationMs(millis).build());
            }
            for (int f = 0; f < 300; f++) {
                assets.add(AssetBuilder.filler("Bumper " + f, 15 + random.nextInt(166)).build());
            }
            return new Library(InMemoryCatalog.of(assets));
        }

        static ChannelSpec channel(int c) {
            ZoneId zone = ZoneId.of(c % 2 == 0 ? "America/New_York" : "UTC");
            return new ChannelSpec(new UUID(0xBE7CL, c), "bench-" + c, zone, 30, List.of(0, 30), LocalTime.MIDNIGHT,
                    ContentRule.any(), null);
        }

        ResolveRequest request(int c, LocalDate first) {
            UUID planId = new UUID(0x9A7L, c);
            List<AssignmentSpec> assignments = new ArrayList<>();
            assignments.add(movieBlock(planId, 0, 360));
            for (int k = 0; k < 28; k++) {
                assignments.add(new AssignmentSpec(new UUID(c, 360 + k * 30), planId, 360 + k * 30, 30,
                        ContentType.SERIES, "series-" + (7 * c + k) % 50, null, EpisodePolicy.SEQUENTIAL,
                        PlaybackRules.none()));
            }
            assignments.add(movieBlock(planId, 1200, 240));
            PlanSpec plan = new PlanSpec(planId, "Every day", 10, 1, "* * * * *", null, null, true, assignments);
            return new ResolveRequest(channel(c), first, List.of(plan), catalog, PlayHistory.empty(), 0, List.of());
        }

        private static AssignmentSpec movieBlock(UUID planId, int start, int minutes) {
            return new AssignmentSpec(new UUID(planId.getLeastSignificantBits(), start), planId, start, minutes,
                    ContentType.RANDOM, "{\"kind\":\"movie\"}", MOVIES, null, NO_REPEAT_WEEK);
        }
    }
}
