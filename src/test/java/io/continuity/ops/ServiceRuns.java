package io.continuity.ops;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.postgresql.ds.PGSimpleDataSource;

import io.continuity.events.Topic;
import io.continuity.testing.Db;
import io.continuity.testing.TestDatabase;

/** What the end-to-end operations tests share: service configuration, end offsets, and "caught up and resolved". */
public final class ServiceRuns {

    /** Input topics whose events the corpora hold. */
    public static final List<String> CORPUS_TOPICS = List.of(Topic.PLAN_EVENTS.topicName(), Topic.CATALOG_EVENTS.topicName());

    private ServiceRuns() {
    }

    /** The packaged service's configuration for one database and consumer group; the clock is fixed so runs compare. */
    public static Map<String, String> config(String bootstrap, TestDatabase database, String group) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("continuity.consumer-group", group);
        config.put("continuity.clock.start", "2026-11-23T07:00:00Z");
        return config;
    }

    public static Db db(TestDatabase database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(database.jdbcUrl());
        ds.setUser(database.user());
        return new Db(ds);
    }

    /** Sum of end offsets per topic. */
    public static Map<String, Long> endOffsets(String bootstrap, List<String> topics) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(e -> e.getValue().offset())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** End offset of every partition of a topic. */
    public static Map<Integer, Long> partitionEnds(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records of the corpus topics applied (offsets stored with the projection) by the group so far; 0 before the schema exists. */
    public static long applied(Db db, String group) {
        try {
            return db.count("SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE group_id = ? AND topic IN (?, ?)", group,
                    CORPUS_TOPICS.get(0), CORPUS_TOPICS.get(1));
        } catch (IllegalStateException notMigratedYet) {
            return 0;
        }
    }

    /** Waits until the group stored offsets at the end of every topic, then until every live channel is resolved. */
    public static void awaitCaughtUpAndResolved(String bootstrap, Db db, String group, Map<String, Long> ends) {
        awaitCaughtUpAndResolved(bootstrap, db, group, ends, Duration.ofMinutes(3));
    }

    /** As {@link #awaitCaughtUpAndResolved(String, Db, String, Map)}, waiting at most {@code timeout} for each of the two. */
    public static void awaitCaughtUpAndResolved(String bootstrap, Db db, String group, Map<String, Long> ends, Duration timeout) {
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> applied(db, group) == total);
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() ->
                db.count("SELECT count(*) FROM resolution_request") == 0
                && db.count("SELECT count(*) FROM broadcast_schedule_day WHERE superseded_at IS NULL")
                        == 5 * db.count("SELECT count(*) FROM channel WHERE NOT is_retired")
                && db.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0
                && decisionsReadBack(bootstrap, db, group));
    }

    /** Every recorded decision on the topic has been read back (made here, or replayed). */
    private static boolean decisionsReadBack(String bootstrap, Db db, String group) {
        String topic = Topic.SCHEDULE_DECISIONS.topicName();
        long end;
        try {
            end = endOffsets(bootstrap, List.of(topic)).getOrDefault(topic, 0L);
        } catch (IllegalStateException brokerAway) {
            return false;
        }
        return db.count("SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE group_id = ? AND topic = ?", group, topic) == end;
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }
}
