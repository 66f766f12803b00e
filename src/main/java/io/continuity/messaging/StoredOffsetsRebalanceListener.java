package io.continuity.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.Topic;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * On partition assignment, seeks each partition to the position stored in PostgreSQL with the projection — the
 * authoritative one. Kafka's own committed offsets are only a hint for lag monitoring.
 */
@ApplicationScoped
@Identifier("continuity-offsets")
public class StoredOffsetsRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredOffsetsRebalanceListener.class);

    private final OffsetStore offsets;
    private final PartitionTracker tracker;
    private final String group;

    public StoredOffsetsRebalanceListener(OffsetStore offsets, PartitionTracker tracker, ContinuityConfig config) {
        this.offsets = offsets;
        this.tracker = tracker;
        this.group = config.consumerGroup();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<String> topics = partitions.stream().map(TopicPartition::topic).collect(Collectors.toSet());
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (String topic : topics) {
            Map<Integer, Long> stored = loadWithRetry(topic);
            for (TopicPartition tp : partitions) {
                if (tp.topic().equals(topic)) {
                    long next = stored.getOrDefault(tp.partition(), 0L);
                    consumer.seek(tp, next);
                    positions.put(tp, next);
                }
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        tracker.partitionCount(Topic.PLAN_EVENTS.topicName(), consumer.partitionsFor(Topic.PLAN_EVENTS.topicName()).size());
        String catalog = Topic.CATALOG_EVENTS.topicName();
        if (consumer.subscription().contains(catalog)) {
            // every partition, not only this instance's: resolution waits until the whole catalog is applied
            List<TopicPartition> all = consumer.partitionsFor(catalog).stream().map(p -> new TopicPartition(catalog, p.partition())).toList();
            Map<Integer, Long> catalogEnds = new HashMap<>();
            consumer.endOffsets(all).forEach((tp, end) -> catalogEnds.put(tp.partition(), end));
            tracker.catalogEnds(catalogEnds);
        }
        tracker.assigned(consumer.subscription(), ends, positions);
        positions.forEach((tp, next) -> LOG.infof("Assigned %s: resuming at offset %d (stored with the projection), end offset %d",
                tp, next, ends.get(tp)));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        tracker.revoked(partitions);
        LOG.infof("Revoked %s", partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    private Map<Integer, Long> loadWithRetry(String topic) {
        Duration wait = Duration.ofMillis(200);
        while (true) {
            try {
                return offsets.loadDirect(group, topic);
            } catch (Exception e) {
                LOG.warnf("Cannot read stored offsets of %s (%s); retrying in %d ms", topic, e.getMessage(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", interrupted);
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : wait.multipliedBy(2);
            }
        }
    }
}
