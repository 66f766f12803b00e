package io.continuity.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code continuity.consumer.lag} gauge, one per input partition this instance owns: the partition's end offset
 * minus the next offset the projection will apply (the position stored with the projection, not Kafka's committed
 * offset, which is only a hint here). End offsets are fetched on a schedule with an admin client, so a scrape never
 * talks to Kafka. Gauges of partitions that moved to another instance are removed, so summing over instances gives
 * the group's lag.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private final PartitionTracker tracker;
    private final MeterRegistry metrics;
    private final Map<String, Object> kafkaConfig;
    private final Map<TopicPartition, Long> endOffsets = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> gauges = new ConcurrentHashMap<>();
    private Admin admin;

    public ConsumerLag(PartitionTracker tracker, MeterRegistry metrics, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.kafkaConfig = kafkaConfig;
    }

    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        Set<TopicPartition> owned = tracker.ownedPositions().keySet();
        gauges.keySet().stream().filter(tp -> !owned.contains(tp)).toList().forEach(tp -> {
            metrics.remove(gauges.remove(tp));
            endOffsets.remove(tp);
        });
        if (owned.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, OffsetSpec> request = owned.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            admin().listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> endOffsets.put(tp, info.offset()));
        } catch (Exception e) {
            LOG.debugf("End offsets not fetched this time: %s", e.getMessage());
            return;
        }
        owned.forEach(tp -> gauges.computeIfAbsent(tp, this::register));
    }

    private Gauge register(TopicPartition tp) {
        return Gauge.builder("continuity.consumer.lag", () -> lag(tp)).description("records on an owned input partition not yet applied")
                .tag("topic", tp.topic()).tag("partition", Integer.toString(tp.partition())).register(metrics);
    }

    private double lag(TopicPartition tp) {
        Long end = endOffsets.get(tp);
        Long next = tracker.ownedPositions().get(tp);
        return end == null || next == null ? Double.NaN : Math.max(0, end - next);
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>();
            kafkaConfig.forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                    props.put(k, v);
                }
            });
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "continuity-lag-monitor");
            admin = Admin.create(props);
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
