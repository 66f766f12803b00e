package io.continuity.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.EventJson;
import io.continuity.events.Topic;

import static org.awaitility.Awaitility.await;

/**
 * B3: plan change → day-published record received. Changes (an {@code assignment.updated} that makes one evening
 * block air a given episode, a different one each time) are offered at a fixed rate, round-robin over the B1
 * channels; a subscriber of {@code continuity.playlog} takes the first day-published record of that channel whose
 * block airs that episode as the answer — to that change and to any earlier one of the channel still waiting, since
 * changes that arrive while the channel is being resolved are resolved together. Latency counts from when the change
 * was due (HdrHistogram, no coordinated omission). The ceiling is Kafka's EndToEndLatency on the same broker with
 * records of the day-published size.
 */
final class PlanChangeLatency {

    static final int BLOCK = 27;
    private static final int BLOCK_MINUTE = PeerCorpus.Channel.seriesBlockMinute(BLOCK);

    /** A change on its way: the asset the block must show, when it was due, whether it is measured. */
    private record Pending(UUID asset, long due, boolean measured) {
    }

    private final PeerCorpus corpus;
    private final Scale scale;
    private final int channels;
    private final Map<UUID, Integer> channelIndex = new ConcurrentHashMap<>();
    private final Map<UUID, Deque<Pending>> pending = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final AtomicLong publishedBytes = new AtomicLong();
    private final AtomicLong publishedRecords = new AtomicLong();

    PlanChangeLatency(PeerCorpus corpus, Scale scale) {
        this.corpus = corpus;
        this.scale = scale;
        this.channels = scale.ingestChannels();
        for (int c = 0; c < channels; c++) {
            channelIndex.put(corpus.channel(c).id(), c);
            pending.put(corpus.channel(c).id(), new ArrayDeque<>());
        }
    }

    void run(BenchStack stack, Service service, BenchOptions options, Table table, Phases phases) {
        Progress.say(String.format("B3: %.0f plan changes/s over %d channels for %d s (+%.1f s warm-up)", scale.changeRate(), channels,
                scale.changeDuration().toSeconds(), scale.warmup().toMillis() / 1000.0));
        long start = System.nanoTime();
        long offered;
        long lost;
        try (TopicWatcher watcher = new TopicWatcher(stack.bootstrap(), Topic.PLAYLOG.topicName(), this::received);
                RecordSender sender = new RecordSender(stack.bootstrap(), 0)) {
            offered = FixedRate.run(scale.changeRate(), scale.warmup(), scale.changeDuration(), (i, due, measured) -> {
                PeerCorpus.Channel channel = corpus.channel((int) (i % channels));
                UUID asset = corpus.episode((int) i);
                Deque<Pending> queue = pending.get(channel.id());
                synchronized (queue) {
                    queue.add(new Pending(asset, due, measured));
                }
                sender.send(corpus.assetChange(channel, BLOCK, asset));
            });
            lost = awaitAnswers();
        }
        phases.add("B3 plan change", stack.jfrFile("live"), start, System.nanoTime());
        long size = publishedRecords.get() == 0 ? 1000 : publishedBytes.get() / publishedRecords.get();
        Progress.say("B3: " + latencies.summary() + "; measuring EndToEndLatency with " + size + "-byte records");
        KafkaTools.EndToEnd ceiling = KafkaTools.endToEndLatency(stack.bootstrap(), scale.e2eRecords(), (int) Math.min(size, 900_000),
                options.out(), "end-to-end-latency-b3");
        String of = "EndToEndLatency, " + size + " B records";
        table.add("B3", "plan change → day-published received, p50", latencies.ms(50), "ms", ceiling.p50Ms(), of, null, null);
        table.add("B3", "plan change → day-published received, p99", latencies.ms(99), "ms", ceiling.p99Ms(), of, "< 100 ms",
                latencies.ms(99) < 100 && lost == 0);
        table.add("B3", "plan change → day-published received, p99.9", latencies.ms(99.9), "ms", ceiling.p999Ms(), of, null, null);
        table.note(String.format("B3: %d changes offered at %.0f/s (%d measured, %d never answered within 2 minutes — counted at the time "
                + "they were given up); each change re-resolves the channel's 7 days; max %.0f ms. EndToEndLatency: %d records, average "
                + "%.2f ms, percentiles in whole ms.", offered, scale.changeRate(), latencies.count(), lost, latencies.maxMs(),
                scale.e2eRecords(), ceiling.averageMs()));
    }

    private void received(ConsumerRecord<String, byte[]> record, long at) {
        publishedBytes.addAndGet(record.value().length);
        publishedRecords.incrementAndGet();
        JsonNode day;
        try {
            day = EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable day-published record", e);
        }
        Integer c = channelIndex.get(UUID.fromString(day.path("channel_id").asText()));
        if (c == null) {
            return;
        }
        UUID shown = assetOfBlock(day, corpus.channel(c).assignment(BLOCK_MINUTE));
        Deque<Pending> queue = pending.get(corpus.channel(c).id());
        synchronized (queue) {
            if (queue.stream().noneMatch(p -> p.asset().equals(shown))) {
                return;
            }
            Pending answered;
            do {
                answered = queue.poll();
                if (answered.measured()) {
                    latencies.record(answered.due(), at);
                }
            } while (!answered.asset().equals(shown));
        }
    }

    private static UUID assetOfBlock(JsonNode day, UUID assignment) {
        for (JsonNode event : day.path("events")) {
            if (assignment.toString().equals(event.path("assignment_id").asText()) && "program".equals(event.path("kind").asText())) {
                return UUID.fromString(event.path("asset_uuid").asText());
            }
        }
        return null;
    }

    /** Waits for the answers still due; those that never come are recorded as given up now. Returns how many. */
    private long awaitAnswers() {
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> pending.values().stream().allMatch(q -> {
                synchronized (q) {
                    return q.isEmpty();
                }
            }));
            return 0;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            long now = System.nanoTime();
            long lost = 0;
            for (Deque<Pending> queue : pending.values()) {
                synchronized (queue) {
                    for (Pending p : queue) {
                        lost++;
                        if (p.measured()) {
                            latencies.record(p.due(), now);
                        }
                    }
                    queue.clear();
                }
            }
            return lost;
        }
    }
}
