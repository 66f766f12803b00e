package io.continuity.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.EventJson;
import io.continuity.events.EventType;
import io.continuity.events.Topic;

/**
 * What the service published during one scenario: every output topic (playlog, overrides, alerts, dead letters) read
 * from the end offsets noted before the scenario began, in partition order — the order a consumer sees.
 */
final class OutputLog {

    private static final Set<Topic> INPUTS = EnumSet.of(Topic.PLAN_EVENTS, Topic.CATALOG_EVENTS, Topic.OVERRIDE_COMMANDS, Topic.AS_RUN);

    /** One published record: where it is and its CloudEvents id and type. */
    record Published(String topic, int partition, long offset, String ceId, String ceType, byte[] payload) {
    }

    private final String bootstrap;
    private final Map<TopicPartition, Long> start;

    private OutputLog(String bootstrap, Map<TopicPartition, Long> start) {
        this.bootstrap = bootstrap;
        this.start = start;
    }

    static List<String> outputTopics() {
        List<String> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            if (INPUTS.contains(topic)) {
                topics.add(topic.deadLetterTopic());
            } else {
                topics.add(topic.topicName());
            }
        }
        return topics;
    }

    /** Notes where every output topic ends now; {@link #read} returns what comes after. */
    static OutputLog from(String bootstrap) {
        return new OutputLog(bootstrap, ends(bootstrap));
    }

    private static Map<TopicPartition, Long> ends(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(outputTopics()).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything published since {@link #from}, up to the current end of every partition. */
    List<Published> read() {
        Map<TopicPartition, Long> end = ends(bootstrap);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reliability-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<Published> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> wanted = end.keySet().stream().filter(tp -> end.get(tp) > start.getOrDefault(tp, 0L)).toList();
            consumer.assign(wanted);
            wanted.forEach(tp -> consumer.seek(tp, start.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (wanted.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read the output topics to their end");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.add(new Published(r.topic(), r.partition(), r.offset(), header(r, "ce_id"), header(r, "ce_type"), r.value()));
                    }
                }
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Oracle (c): per channel and broadcast day, the ScheduleDay versions a consumer keeps (first sight of each ce_id,
     * in partition order) never go backwards. Returns the violations, empty when none.
     */
    static List<String> versionRegressions(List<Published> published) {
        Map<String, Integer> latest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> regressions = new ArrayList<>();
        List<Published> days = published.stream().filter(p -> EventType.DAY_PUBLISHED.ceType().equals(p.ceType()))
                .sorted(java.util.Comparator.comparing(Published::partition).thenComparing(Published::offset)).toList();
        for (Published p : days) {
            if (!seen.add(p.ceId())) {
                continue;
            }
            JsonNode day = json(p.payload());
            String key = day.get("channel_id").asText() + "/" + day.get("broadcast_day").asText();
            int version = day.get("version").asInt();
            Integer before = latest.put(key, version);
            if (before != null && version <= before) {
                regressions.add(key + ": version " + version + " after " + before + " (" + p.topic() + "-" + p.partition() + "@" + p.offset() + ")");
            }
        }
        return regressions;
    }

    /** The ce_ids published per topic. */
    static Map<String, Set<String>> idsByTopic(List<Published> published) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        published.forEach(p -> ids.computeIfAbsent(p.topic(), t -> new HashSet<>()).add(p.ceId()));
        return ids;
    }

    private static JsonNode json(byte[] payload) {
        try {
            return EventJson.mapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
