package io.continuity.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.continuity.events.EventJson;
import io.continuity.events.Topic;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.Tokens;

import static org.awaitility.Awaitility.await;

/**
 * B4: override accepted → applied record received by a subscriber, under background ingest. Overrides (REPLACE of a
 * future programme with another episode) are POSTed at a fixed rate to half of the B1 channels while the other half
 * take plan changes; a subscriber of {@code continuity.overrides} stops each clock. The ceiling is Kafka's
 * EndToEndLatency on the same broker under the same background load.
 */
final class OverrideLatency {

    private record Pending(long due, boolean measured) {
    }

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final AtomicLong refused = new AtomicLong();
    private final String authorization = "Bearer " + Tokens.scheduler();

    void run(BenchStack stack, Service service, PeerCorpus corpus, BenchOptions options, Table table, Phases phases) throws Exception {
        Scale scale = options.scale();
        int channels = scale.ingestChannels();
        int overrideChannels = Math.max(1, channels / 2);
        List<Integer> background = IntStream.range(overrideChannels, channels).boxed().toList();
        List<Map<String, Object>> targets = targets(service, corpus, overrideChannels,
                (int) Math.ceil(scale.overrideRate() * (scale.warmup().toSeconds() + scale.overrideDuration().toSeconds() + 2)));
        Progress.say(String.format("B4: %.0f overrides/s on %d channels for %d s (+%.1f s warm-up), background %.0f plan changes/s on %d "
                + "channels", scale.overrideRate(), overrideChannels, scale.overrideDuration().toSeconds(), scale.warmup().toMillis() / 1000.0,
                scale.backgroundRate(), background.size()));
        KafkaTools.EndToEnd ceiling;
        long offered;
        long lost;
        long backgroundSent;
        long start = System.nanoTime();
        try (BackgroundLoad load = new BackgroundLoad(stack.bootstrap(), corpus, background.isEmpty() ? List.of(0) : background,
                scale.backgroundRate());
                TopicWatcher watcher = new TopicWatcher(stack.bootstrap(), Topic.OVERRIDES.topicName(), this::received);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            offered = FixedRate.run(scale.overrideRate(), scale.warmup(), scale.overrideDuration(), (i, due, measured) ->
                    post(client, service, corpus, targets.get((int) (i % targets.size())), i, due, measured));
            lost = awaitApplied();
            phases.add("B4 override", stack.jfrFile("live"), start, System.nanoTime());
            Progress.say("B4: " + latencies.summary() + "; measuring EndToEndLatency under the same background load");
            ceiling = KafkaTools.endToEndLatency(stack.bootstrap(), scale.e2eRecords(), 2000, options.out(), "end-to-end-latency-b4");
            backgroundSent = load.sent();
        }
        String of = "EndToEndLatency, same load";
        table.add("B4", "override accepted → applied received, p50", latencies.ms(50), "ms", ceiling.p50Ms(), of, null, null);
        table.add("B4", "override accepted → applied received, p99", latencies.ms(99), "ms", ceiling.p99Ms(), of, "< 40 ms (a frame at 25 fps)",
                latencies.ms(99) < 40 && lost == 0 && refused.get() == 0);
        table.note(String.format("B4: %d overrides offered (%d measured, %d refused by the API, %d never applied within 2 minutes); "
                + "background: %d plan changes at %.0f/s, each re-resolving a channel's 7 days; max %.0f ms. EndToEndLatency: %d records "
                + "of 2000 B, average %.2f ms.", offered, latencies.count(), refused.get(), lost, backgroundSent, scale.backgroundRate(),
                latencies.maxMs(), scale.e2eRecords(), ceiling.averageMs()));
    }

    /** Future programmes of the first {@code channels} channels, interleaved by start time. */
    private static List<Map<String, Object>> targets(Service service, PeerCorpus corpus, int channels, int needed) {
        String ids = IntStream.range(0, channels).mapToObj(c -> "'" + corpus.channel(c).id() + "'").collect(Collectors.joining(","));
        List<Map<String, Object>> rows = service.db().rows("SELECT e.uuid, e.channel_id FROM broadcast_playlog_event e"
                + " JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id AND d.superseded_at IS NULL"
                + " WHERE e.is_overridden = false AND e.kind = 'program' AND e.start_utc > ? AND e.channel_id IN (" + ids + ")"
                + " ORDER BY e.start_utc, e.uuid LIMIT ?",
                OffsetDateTime.ofInstant(service.serviceNow().plus(Duration.ofDays(1)), ZoneOffset.UTC), needed);
        if (rows.size() < needed) {
            throw new IllegalStateException("only " + rows.size() + " future programmes to override, " + needed + " needed");
        }
        return rows;
    }

    private void post(HttpClient client, Service service, PeerCorpus corpus, Map<String, Object> target, long i, long due, boolean measured) {
        UUID overrideId = UUID.randomUUID();
        pending.put(overrideId, new Pending(due, measured));
        byte[] body = KafkaTestClient.json(Map.of("override_id", overrideId, "action", "REPLACE", "target_event_uuid", target.get("uuid"),
                "asset_uuid", corpus.episode((int) i), "reason", "benchmark", "requested_by", "bench"));
        HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/channels/" + target.get("channel_id") + "/overrides"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() != 201 && response.statusCode() != 202) {
                refused.incrementAndGet();
                pending.remove(overrideId);
            }
        });
    }

    private void received(ConsumerRecord<String, byte[]> record, long at) {
        try {
            UUID overrideId = UUID.fromString(EventJson.mapper().readTree(record.value()).path("override_id").asText());
            Pending p = pending.remove(overrideId);
            if (p != null && p.measured()) {
                latencies.record(p.due(), at);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable override-applied record", e);
        }
    }

    private long awaitApplied() {
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(pending::isEmpty);
            return 0;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            long now = System.nanoTime();
            pending.values().stream().filter(Pending::measured).forEach(p -> latencies.record(p.due(), now));
            long lost = pending.size();
            pending.clear();
            return lost;
        }
    }
}
