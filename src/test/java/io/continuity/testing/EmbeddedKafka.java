package io.continuity.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import io.continuity.events.Topic;

/**
 * A real Apache Kafka broker (KRaft, combined broker + controller, one node) running inside this JVM.
 * Used by the tests and by the local run, so neither needs Docker or a separately installed Kafka.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Set<Topic> INPUTS = EnumSet.of(Topic.PLAN_EVENTS, Topic.CATALOG_EVENTS, Topic.OVERRIDE_COMMANDS, Topic.AS_RUN);
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Formats fresh storage and starts the broker on a free port (see {@link #bootstrapServers()}).
     *
     * @param port ignored unless 0; a fixed client port is offered by {@code LocalRun} through a forwarder
     */
    public static EmbeddedKafka start(int port) {
        return start(port, 3);
    }

    /**
     * As {@link #start(int)}, with every contract topic (and the input topics' DLQs) created with {@code partitions}
     * partitions, for tests that move partitions between instances.
     */
    public static EmbeddedKafka start(int port, int partitions) {
        try {
            Path dir = Files.createTempDirectory("continuity-kafka-");
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dir)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("log.flush.interval.messages", Long.toString(Long.MAX_VALUE))
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            createContractTopics(cluster.bootstrapServers(), partitions);
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker: " + e.getMessage(), e);
        }
    }

    /**
     * Creates every topic of the contract, DLQs included, before anyone produces, as the deployment does. An
     * auto-created topic can lose an idempotent producer's first batch: it fails while the partition is being created,
     * the next batch is appended, and every retry of the first is refused as out of order (KAFKA-15591).
     */
    private static void createContractTopics(String bootstrapServers, int partitions) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), partitions, (short) 1));
            if (INPUTS.contains(topic)) {
                topics.add(new NewTopic(topic.deadLetterTopic(), partitions, (short) 1));
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            // the broker may answer "does not host this topic-partition" until its metadata has caught up with the creation
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    admin.describeTopics(topics.stream().map(NewTopic::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Kafka broker", e);
        }
    }
}
