package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import io.continuity.events.Topic;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this instance owns and how far it has read: the input partitions assigned to it, the end offsets they had
 * when assigned, and the position reached since. "Caught up" (every owned partition read up to its end offset at
 * assignment) gates resolution, so a replay resolves once from the rebuilt state instead of from every
 * intermediate state — that is what makes a rebuild reproduce the live schedule.
 */
@ApplicationScoped
public class PartitionTracker {

    private final Map<TopicPartition, Long> endAtAssignment = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> position = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private final Set<String> topicsAssigned = ConcurrentHashMap.newKeySet();

    void assigned(Set<String> subscribedTopics, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> positions) {
        endAtAssignment.putAll(ends);
        position.putAll(positions);
        topicsAssigned.addAll(subscribedTopics);
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> {
            endAtAssignment.remove(tp);
            position.remove(tp);
        });
    }

    void partitionCount(String topic, int count) {
        partitionCounts.put(topic, count);
    }

    /** Called after a batch committed: the next offset to read on that partition. */
    public void advanced(String topic, int partition, long nextOffset) {
        position.merge(new TopicPartition(topic, partition), nextOffset, Math::max);
    }

    /** Both input topics had an assignment, and every owned partition was read up to its end offset at assignment. */
    public boolean caughtUp() {
        return topicsAssigned.contains(Topic.PLAN_EVENTS.topicName()) && topicsAssigned.contains(Topic.CATALOG_EVENTS.topicName())
                && endAtAssignment.entrySet().stream().allMatch(e -> position.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** Partitions of {@code continuity.plan-events} this instance owns: the channels it resolves. */
    public Set<Integer> ownedPlanPartitions() {
        String topic = Topic.PLAN_EVENTS.topicName();
        return endAtAssignment.keySet().stream().filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    /** The plan-events partition a channel's records land on (Kafka's default partitioner over the key). */
    public int planPartitionOf(java.util.UUID channelId) {
        int count = partitionCounts.getOrDefault(Topic.PLAN_EVENTS.topicName(), 1);
        return Utils.toPositive(Utils.murmur2(channelId.toString().getBytes(StandardCharsets.UTF_8))) % count;
    }
}
