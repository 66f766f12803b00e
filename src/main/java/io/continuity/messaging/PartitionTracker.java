package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.Topic;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this instance owns and how far it has read: the input partitions assigned to it, the end offsets they had
 * when assigned, and the position reached since. "Caught up" gates resolution, so a replay resolves once from the
 * rebuilt state instead of from every intermediate state — that is what makes a rebuild reproduce the live
 * schedule. It needs every owned partition read up to its end offset at assignment and, because every channel's
 * schedule depends on the whole catalog, every partition of {@code continuity.catalog-events} applied up to the end
 * it had when this instance's catalog consumer was assigned — the partitions other instances own included, as their
 * offsets stored with the projection show. Without that, an instance that finished its half of the catalog first
 * would resolve and publish schedules from half a catalog, and resolve them again moments later.
 */
@ApplicationScoped
public class PartitionTracker {

    private static final Logger LOG = Logger.getLogger(PartitionTracker.class);

    private final Map<TopicPartition, Long> endAtAssignment = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> position = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private final Set<String> topicsAssigned = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> catalogEnds = new ConcurrentHashMap<>();
    private volatile boolean catalogApplied;
    private final OffsetStore offsets;
    private final String group;

    public PartitionTracker(OffsetStore offsets, ContinuityConfig config) {
        this.offsets = offsets;
        this.group = config.consumerGroup();
    }

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

    /** The end offset of every catalog partition, owned or not, when this instance's catalog consumer was assigned. */
    void catalogEnds(Map<Integer, Long> ends) {
        catalogEnds.clear();
        catalogEnds.putAll(ends);
        catalogApplied = false;
    }

    /**
     * Both input topics had an assignment, every owned partition was read up to its end offset at assignment, and the
     * whole catalog topic was applied up to its ends at assignment (by whichever instance owns each partition).
     */
    public boolean caughtUp() {
        return topicsAssigned.contains(Topic.PLAN_EVENTS.topicName()) && topicsAssigned.contains(Topic.CATALOG_EVENTS.topicName())
                && endAtAssignment.entrySet().stream().allMatch(e -> position.getOrDefault(e.getKey(), 0L) >= e.getValue())
                && wholeCatalogApplied();
    }

    private boolean wholeCatalogApplied() {
        if (catalogApplied) {
            return true;
        }
        Map<Integer, Long> stored;
        try {
            stored = offsets.loadDirect(group, Topic.CATALOG_EVENTS.topicName());
        } catch (SQLException e) {
            return false;
        }
        Map<Integer, Long> behind = new TreeMap<>();
        catalogEnds.forEach((partition, end) -> {
            long applied = stored.getOrDefault(partition, 0L);
            if (applied < end) {
                behind.put(partition, end - applied);
            }
        });
        if (behind.isEmpty()) {
            catalogApplied = true;
            LOG.infof("The whole catalog is applied (%d partitions up to their ends at assignment)", catalogEnds.size());
        } else {
            LOG.debugf("Waiting for catalog partitions other instances own: records still to apply %s", behind);
        }
        return catalogApplied;
    }

    /** Every input partition this instance owns, with the next offset to apply on it. */
    public Map<TopicPartition, Long> ownedPositions() {
        Map<TopicPartition, Long> owned = new java.util.HashMap<>();
        endAtAssignment.keySet().forEach(tp -> owned.put(tp, position.getOrDefault(tp, 0L)));
        return owned;
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
