package io.continuity.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.continuity.events.OutgoingRecord;

import static org.awaitility.Awaitility.await;

/**
 * B1: plan and catalog events applied per second. The service is running and idle; the whole stream (the catalog, then
 * every channel's configuration, plan, assignments and a few changes) is published as fast as the broker takes it. The
 * goal is judged as the performance issue states it, on events applied (each record's projection written, journaled
 * and its offset stored) per second; a second row carries the rate with resolution included (the clock stopped when
 * every channel's 7 days are resolved too). The ceiling is Kafka's ConsumerPerformance reading the same records from
 * the same broker.
 */
final class IngestBenchmark {

    private IngestBenchmark() {
    }

    static void run(BenchStack stack, Service service, PeerCorpus corpus, BenchOptions options, Table table, Phases phases) {
        Scale scale = options.scale();
        List<OutgoingRecord> records = new ArrayList<>(corpus.catalog());
        int channels = scale.ingestChannels();
        for (int c = 0; c < channels; c++) {
            records.addAll(corpus.channelRecords(c, scale.ingestUpdates()));
        }
        Progress.say("B1: publishing " + records.size() + " records live (" + scale.library().assets() + " catalog, " + channels
                + " channels with " + scale.ingestUpdates() + " changes each)");
        long start = System.nanoTime();
        try (RecordSender sender = new RecordSender(stack.bootstrap(), 5)) {
            records.forEach(sender::send);
            sender.flush();
        }
        long published = System.nanoTime();
        long[] applied = awaitApplied(service, channels, records.size(), scale, start);
        long end = applied[1];
        phases.add("B1 ingest", stack.jfrFile("live"), start, end);
        double seconds = (end - start) / 1e9;
        double rate = records.size() / seconds;
        double appliedRate = records.size() / ((applied[0] - start) / 1e9);
        Progress.say(String.format("B1: %d records applied in %.1f s (%.0f/s), resolved too in %.1f s (%.0f/s); measuring ConsumerPerformance",
                records.size(), (applied[0] - start) / 1e9, appliedRate, seconds, rate));
        KafkaTools.ConsumerRate ceiling = KafkaTools.consumerPerformance(stack.bootstrap(), "continuity\\.(plan|catalog)-events",
                records.size(), options.out());
        table.add("B1", "ingest: plan + catalog events applied per second", appliedRate, "events/s", ceiling.fetchPerSecond(),
                "ConsumerPerformance, same records", "≥ 0.25 × ConsumerPerformance", appliedRate >= 0.25 * ceiling.fetchPerSecond());
        table.add("B1", "ingest: the same, until every channel's days are resolved too", rate, "events/s", ceiling.fetchPerSecond(),
                "ConsumerPerformance, same records", null, null);
        table.note(String.format("B1: %d records (%d catalog, %d plan) from %d channels; published in %.1f s, all applied %.1f s and "
                + "resolved %.1f s after the first was sent. ConsumerPerformance read %d records at %.0f/s including its group join, "
                + "%.0f/s fetching.", records.size(), scale.library().assets(), records.size() - scale.library().assets(), channels,
                (published - start) / 1e9, (applied[0] - start) / 1e9, seconds, ceiling.records(), ceiling.perSecond(),
                ceiling.fetchPerSecond()));
    }

    /** Returns when every record was applied and when every channel was resolved too (nanoTime). */
    private static long[] awaitApplied(Service service, int channels, long records, Scale scale, long start) {
        Progress progress = new Progress(scale.progressEvery());
        long[] at = {0, 0};
        await().atMost(Duration.ofHours(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
            ResolutionStatus s = ResolutionStatus.of(service);
            long now = System.nanoTime();
            if (s.applied() >= records && at[0] == 0) {
                at[0] = now;
            }
            progress.every(() -> String.format("B1: %d/%d events applied, %d/%d channels resolved, %s", s.applied(), records,
                    s.resolvedChannels(), channels, Progress.seconds(now - start)));
            at[1] = now;
            return s.done(records, channels);
        });
        return at;
    }
}
