package io.continuity.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.Envelope;
import io.continuity.events.RejectedEventException;
import io.continuity.events.ScheduleDecided;
import io.continuity.events.ScheduleDecision;
import io.continuity.events.Topic;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Holds the input topics at the positions the recorded decisions were made at, so a rebuild makes every decision
 * again on exactly the inputs the live run had (docs/decisions.md 15).
 * <p>
 * At start-up it reads {@code continuity.schedule-decisions} from this database's stored position to its end: every
 * decision not yet made here is pending. While one is pending, an input partition is applied only up to the smallest
 * position a pending decision names for it; the decision is replayed when every input has reached its positions
 * ({@code resolver.DecisionReplay}), which lets the inputs move on to the next one. Decisions are replayed in input
 * order (their positions only grow: each was taken from one database snapshot). An override that was applied on its
 * own gets its recorded decision time. With nothing pending (a live instance, or a rebuild that has replayed them all)
 * nothing is held.
 * <p>
 * If the recorded positions do not fit the input topics (a decision log from another cluster, or input records deleted
 * by retention), or a pending decision cannot be reached, the gate opens and the rebuild decides on its own clock, as
 * before decisions were recorded; it says so in the log.
 */
@ApplicationScoped
public class ReplayGate {

    private static final Logger LOG = Logger.getLogger(ReplayGate.class);
    /** The topics whose positions a decision records: every input of resolution. */
    public static final List<Topic> INPUTS = List.of(Topic.PLAN_EVENTS, Topic.CATALOG_EVENTS, Topic.OVERRIDE_COMMANDS, Topic.AS_RUN);

    private final Map<String, Object> kafkaConfig;
    private final CloudEventCodec codec;
    private final OffsetStore offsets;
    private final DataSource dataSource;
    private final String group;
    private final boolean enabled;
    private final Object monitor = new Object();
    /** Recorded resolutions not made here yet, in input order. */
    private final List<Recorded> pending = new ArrayList<>();
    /** What the live run did with override commands: the command's record position (topic-partition@offset) → its decision. */
    private final Map<String, ScheduleDecided> overrideDecisions = new HashMap<>();
    private volatile boolean ready;
    private volatile boolean stopping;
    private int replayed;
    private int total;

    /** A recorded decision and where it is in the decision log. */
    public record Recorded(ScheduleDecided decision, int partition, long offset) {

        long weight() {
            return decision.inputs().values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        }

        /** The position the decision recorded for an input partition (0: it had applied nothing there). */
        public long position(String topic, int partition) {
            return decision.inputs().getOrDefault(topic, Map.of()).getOrDefault(partition, 0L);
        }
    }

    public ReplayGate(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CloudEventCodec codec, OffsetStore offsets,
            DataSource dataSource, ContinuityConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.codec = codec;
        this.offsets = offsets;
        this.dataSource = dataSource;
        this.group = config.consumerGroup();
        this.enabled = config.schedulingEnabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread.ofPlatform().name("replay-gate-read").daemon().start(this::readAhead);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Reads the decision log once; retried until the broker and the database answer. */
    private void readAhead() {
        long wait = 500;
        while (!stopping && !ready) {
            try {
                load();
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("Reading %s failed (%s); input is held until it can be read, trying again in %d ms",
                        Topic.SCHEDULE_DECISIONS.topicName(), e.toString(), wait);
                sleep(wait);
                wait = Math.min(wait * 2, 5000);
            }
        }
    }

    private void load() throws SQLException {
        String topic = Topic.SCHEDULE_DECISIONS.topicName();
        Map<Integer, Long> stored = offsets.loadDirect(group, topic);
        List<Recorded> found = new ArrayList<>();
        Map<TopicPartition, Long> inputEnds;
        try (Admin admin = Admin.create(clientConfig(AdminClientConfig.configNames()));
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            Map<TopicPartition, Long> ends = ends(admin, List.of(topic));
            List<TopicPartition> partitions = List.copyOf(ends.keySet());
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, stored.getOrDefault(tp.partition(), 0L)));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    decode(record).ifPresent(d -> found.add(new Recorded(d, record.partition(), record.offset())));
                }
                if (stopping) {
                    return;
                }
            }
            inputEnds = ends(admin, INPUTS.stream().map(Topic::topicName).toList());
        }
        Set<UUID> made = made(found.stream().map(r -> r.decision().decisionId()).toList());
        found.removeIf(r -> made.contains(r.decision().decisionId()));
        Optional<String> misfit = found.stream().flatMap(r -> misfit(r, inputEnds).stream()).findFirst();
        synchronized (monitor) {
            pending.clear();
            overrideDecisions.clear();
            if (misfit.isPresent()) {
                LOG.warnf("The recorded decisions do not fit the input topics (%s); rebuilding on this instance's clock instead "
                        + "(the days after each lock window come out the same, the versions in between may differ)", misfit.get());
            } else {
                found.stream().filter(r -> r.decision().kind() == ScheduleDecided.Kind.OVERRIDE)
                        .filter(r -> r.decision().commandPosition() != null)
                        .forEach(r -> overrideDecisions.put(r.decision().commandPosition(), r.decision()));
                found.stream().filter(r -> r.decision().kind() == ScheduleDecided.Kind.RESOLUTION)
                        .sorted(Comparator.comparingLong(Recorded::weight).thenComparing(r -> r.decision().decidedAt())
                                .thenComparingInt(Recorded::partition).thenComparingLong(Recorded::offset))
                        .forEach(pending::add);
            }
            total = pending.size();
            ready = true;
            monitor.notifyAll();
        }
        if (total > 0) {
            LOG.infof("Replaying %d recorded decisions (and %d override commands' outcomes) from %s: inputs are applied up to each "
                    + "decision's positions, then the decision is made again at its recorded time", total, overrideDecisions.size(), topic);
        } else {
            LOG.debugf("No recorded decision to replay");
        }
    }

    private Optional<ScheduleDecided> decode(ConsumerRecord<String, byte[]> record) {
        try {
            Envelope<ScheduleDecision> envelope = codec.decode(Topic.SCHEDULE_DECISIONS, ScheduleDecision.class,
                    CloudEventCodec.headers(record.headers()), record.value());
            return switch (envelope.event()) {
                case ScheduleDecided d -> Optional.of(d);
            };
        } catch (RejectedEventException e) {
            // the decisions consumer dead-letters it with the reason; it cannot be replayed
            LOG.warnf("Recorded decision at %s-%d@%d is not readable (%s); it is not replayed", record.topic(), record.partition(),
                    record.offset(), e.rejection().detail());
            return Optional.empty();
        }
    }

    private static Optional<String> misfit(Recorded r, Map<TopicPartition, Long> inputEnds) {
        for (Map.Entry<String, Map<Integer, Long>> topic : r.decision().inputs().entrySet()) {
            for (Map.Entry<Integer, Long> position : topic.getValue().entrySet()) {
                Long end = inputEnds.get(new TopicPartition(topic.getKey(), position.getKey()));
                if (end == null || end < position.getValue()) {
                    return Optional.of("decision " + r.decision().decisionId() + " was made at " + topic.getKey() + "-" + position.getKey()
                            + "@" + position.getValue() + ", the partition ends at " + end);
                }
            }
        }
        return Optional.empty();
    }

    /** The end offset of every partition of {@code topics}. */
    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(d -> d.partitions()
                    .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("end offsets of " + topics + " not available: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> clientConfig(Set<String> names) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (names.contains(k)) {
                props.put(k, v);
            }
        });
        return props;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = clientConfig(ConsumerConfig.configNames());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // only Continuity writes the decisions, without transactions; for the inputs the high watermark is what counts
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "continuity-decisions-read-ahead");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** The decisions of {@code ids} this database has made or replayed already. */
    public Set<UUID> made(Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT decision_id FROM schedule_decision WHERE decision_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                Set<UUID> made = new java.util.HashSet<>();
                while (rs.next()) {
                    made.add(rs.getObject(1, UUID.class));
                }
                return made;
            }
        }
    }

    /** Whether input is held for recorded decisions (or the decision log has not been read yet). */
    public boolean replaying() {
        if (!ready) {
            return true;
        }
        synchronized (monitor) {
            return !pending.isEmpty();
        }
    }

    /** The next recorded resolution to replay, if any. */
    public Optional<Recorded> next() {
        synchronized (monitor) {
            return pending.isEmpty() ? Optional.empty() : Optional.of(pending.get(0));
        }
    }

    /** Whether the decision is recorded and waits to be replayed here. */
    public boolean pending(UUID decisionId) {
        if (!ready) {
            return true;
        }
        synchronized (monitor) {
            return pending.stream().anyMatch(r -> r.decision().decisionId().equals(decisionId));
        }
    }

    /**
     * What the live run did with the override command at {@code position} (topic-partition@offset: one record, even when
     * a producer sent the same command twice), if this rebuild replays it.
     */
    public Optional<ScheduleDecided> overrideDecision(String position) {
        synchronized (monitor) {
            return Optional.ofNullable(overrideDecisions.get(position));
        }
    }

    /** A recorded resolution was made here (by this instance or another one): the inputs may move on. */
    public void replayed(UUID decisionId) {
        synchronized (monitor) {
            if (pending.removeIf(r -> r.decision().decisionId().equals(decisionId))) {
                replayed++;
                if (pending.isEmpty()) {
                    LOG.infof("Replayed all %d recorded decisions; deciding on this instance's clock from now on", total);
                } else if (replayed % 500 == 0) {
                    LOG.infof("Replayed %d of %d recorded decisions", replayed, total);
                }
            }
            monitor.notifyAll();
        }
    }

    /** Stops holding input: what is pending is decided on this instance's clock instead. */
    public void open(String why) {
        synchronized (monitor) {
            if (!pending.isEmpty()) {
                LOG.warnf("Stopped replaying recorded decisions with %d of %d left: %s. The rest of the rebuild decides on this "
                        + "instance's clock", pending.size(), total, why);
                pending.clear();
            }
            monitor.notifyAll();
        }
    }

    /**
     * How far a partition of {@code topic} may be applied now: records at or after the limit wait for a decision (the
     * smallest position a pending decision recorded for it; 0 when one was made before anything there was applied).
     * Waits for the decision log to be read first.
     */
    public long limit(String topic, int partition) {
        awaitReady();
        synchronized (monitor) {
            if (pending.isEmpty() || INPUTS.stream().noneMatch(t -> t.topicName().equals(topic))) {
                return Long.MAX_VALUE;
            }
            return pending.stream().mapToLong(r -> r.position(topic, partition)).min().orElse(Long.MAX_VALUE);
        }
    }

    /** Waits until a decision was replayed or input moved (at most {@code millis}). */
    public void awaitChange(long millis) {
        synchronized (monitor) {
            try {
                monitor.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a recorded decision", e);
            }
        }
    }

    /** Input was applied: the replay may have a decision to make. */
    public void inputAdvanced() {
        if (replaying()) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    private void awaitReady() {
        while (!ready && !stopping) {
            awaitChange(200);
        }
    }

    public boolean stopping() {
        return stopping;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
