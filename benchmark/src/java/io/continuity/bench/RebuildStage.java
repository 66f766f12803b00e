package io.continuity.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.continuity.events.OutgoingRecord;
import io.continuity.testing.TestDatabase;

import static org.awaitility.Awaitility.await;

/**
 * B2 (rebuild), B5 (queries, on the rebuilt schedule) and B6's memory figure. The event log of N channels × 7 days is
 * published first; then the service starts on an empty database and replays it, resolving every channel once it has
 * caught up. The ceiling is PostgreSQL's own COPY of the very rows the service wrote, into the same table (same
 * indexes, constraints and foreign keys) of a scratch database built by the same Flyway migrations.
 */
final class RebuildStage {

    private final BenchOptions options;
    private final Footprint footprint;
    private final Phases phases;
    /** B2's wall time in this run (seconds), for B8's ratio; null until B2 ran. */
    private Double wallSeconds;

    RebuildStage(BenchOptions options, Footprint footprint, Phases phases) {
        this.options = options;
        this.footprint = footprint;
        this.phases = phases;
    }

    void run(Table table) throws Exception {
        Scale scale = options.scale();
        int channels = scale.rebuildChannels();
        try (BenchStack stack = BenchStack.start(options)) {
            PeerCorpus corpus = new PeerCorpus(scale.library(), 0xB2L);
            long published = publish(stack, corpus, channels);
            TestDatabase database = stack.database("continuity_bench_rebuild");
            Progress.say("B2: replaying " + published + " records (" + channels + " channels × " + Scale.DAYS + " days, "
                    + scale.library().assets() + " assets) into an empty database");
            Service service = stack.startService("rebuild", database);
            long resolved = awaitResolved(service, channels, published, scale);
            long wallNanos = resolved - service.launchedNanos();
            double cpu = ProcStatus.cpuSeconds(service.pid());
            phases.add("B2 rebuild", stack.jfrFile("rebuild"), service.launchedNanos(), resolved);
            long rows = service.db().count("SELECT count(*) FROM broadcast_playlog_event");
            long drained = awaitOutboxDrained(service, scale);
            footprint.afterRebuild(ProcStatus.rssMiB(service.pid()), ProcStatus.peakRssMiB(service.pid()));
            table.note(String.format("B2: %d channels × %d days = %d playlog rows; ready after %.1f s, resolved %.1f s after launch; "
                    + "the outbox had published every day-published record %.1f s after launch. The service used %.0f CPU-seconds "
                    + "from launch to resolved (%.0f µs per playlog row; 2 CPUs shared with PostgreSQL and the broker).", channels,
                    Scale.DAYS, rows, service.startToReady().toNanos() / 1e9, wallNanos / 1e9, (drained - service.launchedNanos()) / 1e9,
                    cpu, cpu * 1e6 / rows));
            if (options.jfr()) {
                nativeMemory(service, table);
            }
            if (options.runs("B5")) {
                long start = System.nanoTime();
                new QueryBenchmark(service, scale).measure(table);
                phases.add("B5 queries", stack.jfrFile("rebuild"), start, System.nanoTime());
            }
            if (options.runs("B3C")) {
                long start = System.nanoTime();
                new CatalogChangeLatency().run(stack, service, options, table);
                phases.add("B3c catalog change", stack.jfrFile("rebuild"), start, System.nanoTime());
            }
            stack.stop(service);
            double copySeconds = copyCeiling(stack, database, rows);
            double wall = wallNanos / 1e9;
            wallSeconds = wall;
            table.add("B2", String.format("rebuild: %d ch × %d days from the log, wall time", channels, Scale.DAYS), wall, "s", copySeconds,
                    "COPY of the same rows", null, null);
            double rate = rows / wall;
            double copyRate = rows / copySeconds;
            table.add("B2", "rebuild: playlog rows per second", rate, "rows/s", copyRate, "COPY, same table and indexes",
                    "≥ 0.5 × COPY", rate >= 0.5 * copyRate);
        }
    }

    /** B2's wall time in this run, in seconds (null when B2 did not run). */
    Double wallSeconds() {
        return wallSeconds;
    }

    /** Where the service's memory is (Native Memory Tracking and the heap's use; both on only when recording). */
    private void nativeMemory(Service service, Table table) {
        List<String> nmt = Jcmd.run(service.pid(), options.out().resolve("native-memory-after-b2.txt"), "VM.native_memory", "summary",
                "scale=MB");
        List<String> heap = Jcmd.run(service.pid(), options.out().resolve("heap-after-b2.txt"), "GC.heap_info");
        table.note("B6: after B2 the service had committed (Native Memory Tracking, MB) " + Jcmd.committedByCategory(nmt)
                + "; heap in use " + Jcmd.heapUsed(heap) + ".");
    }

    static long publish(BenchStack stack, PeerCorpus corpus, int channels) {
        long count = 0;
        try (RecordSender sender = new RecordSender(stack.bootstrap(), 5)) {
            for (OutgoingRecord r : corpus.catalog()) {
                sender.send(r);
                count++;
            }
            for (int c = 0; c < channels; c++) {
                for (OutgoingRecord r : corpus.channelRecords(c, 0)) {
                    sender.send(r);
                    count++;
                }
            }
            sender.flush();
        }
        return count;
    }

    /** Waits until every record is applied and every channel has its 7 current days; returns when (nanoTime). */
    static long awaitResolved(Service service, int channels, long records, Scale scale) {
        return awaitResolved("B2", service, channels, records, scale);
    }

    /** As {@link #awaitResolved(Service, int, long, Scale)}, its progress lines starting with {@code stage}. */
    static long awaitResolved(String stage, Service service, int channels, long records, Scale scale) {
        Progress progress = new Progress(scale.progressEvery());
        long[] done = new long[1];
        await().atMost(Duration.ofHours(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
            ResolutionStatus quick = ResolutionStatus.quick(service);
            long at = System.nanoTime();
            progress.every(() -> {
                ResolutionStatus s = ResolutionStatus.of(service);
                return String.format(stage + ": %d/%d records applied, %d/%d channels resolved, %s since launch", s.applied(), records,
                        s.resolvedChannels(), channels, Progress.seconds(System.nanoTime() - service.launchedNanos()));
            });
            done[0] = at;
            return quick.quiet(records) && ResolutionStatus.of(service).done(records, channels);
        });
        return done[0];
    }

    private static long awaitOutboxDrained(Service service, Scale scale) {
        Progress progress = new Progress(scale.progressEvery());
        await().atMost(Duration.ofHours(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
            long waiting = service.db().count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
            progress.every(() -> "B2: outbox relay publishing, " + waiting + " day-published records to go");
            return waiting == 0;
        });
        return System.nanoTime();
    }

    /** COPYs the service's playlog rows into an identical empty table; returns the seconds the COPY took. */
    private double copyCeiling(BenchStack stack, TestDatabase source, long rows) throws Exception {
        Progress.say("B2 ceiling: COPY of the same " + rows + " playlog rows into a scratch database with the same schema");
        TestDatabase scratch = stack.database("continuity_bench_copy");
        Flyway.configure().dataSource(scratch.jdbcUrl(), scratch.user(), "").locations("classpath:db/migration").load().migrate();
        Path dir = Files.createDirectories(options.out().resolve("copy"));
        try (Connection from = Service.dataSource(source).getConnection(); Connection to = Service.dataSource(scratch).getConnection()) {
            CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
            CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
            for (String table : List.of("channel", "broadcast_schedule_day", "broadcast_playlog_event")) {
                Path file = dir.resolve(table + ".copy");
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                    out.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", o);
                }
                long start = System.nanoTime();
                try (InputStream i = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                    long copied = in.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", i);
                    if ("broadcast_playlog_event".equals(table)) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        Progress.say(String.format("B2 ceiling: COPY wrote %d rows in %.2f s", copied, seconds));
                        return seconds;
                    }
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
