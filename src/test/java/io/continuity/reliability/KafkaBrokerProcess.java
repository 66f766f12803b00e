package io.continuity.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import io.continuity.events.Topic;
import io.continuity.testing.ServiceProcess;

/**
 * A single-node KRaft Kafka broker ({@code kafka.Kafka} from the test class path) running as a separate process, so a
 * scenario can stop, restart, freeze and thaw it. Ports and the data directory stay the same across restarts.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private static final Set<Topic> INPUTS = EnumSet.of(Topic.PLAN_EVENTS, Topic.CATALOG_EVENTS, Topic.OVERRIDE_COMMANDS, Topic.AS_RUN);

    private final Path directory;
    private final Path properties;
    private final Path log;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path directory, Path log, int port, int controllerPort) throws IOException {
        this.directory = directory;
        this.log = log;
        this.port = port;
        this.properties = directory.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
    }

    /** Formats a fresh data directory, starts the broker and creates every contract topic (3 partitions each). */
    static KafkaBrokerProcess start(Path logs) {
        try {
            Path directory = Files.createTempDirectory("continuity-broker-");
            KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, logs.resolve("kafka-broker.log"), ServiceProcess.freePort(),
                    ServiceProcess.freePort());
            broker.format();
            broker.startProcess();
            broker.createContractTopics();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Kafka broker process", e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void format() throws IOException {
        Process format = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the broker's storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker on its data directory (formatted before) and waits until it answers. */
    void startProcess() {
        try {
            process = new ProcessBuilder(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), "kafka.Kafka", properties.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start kafka.Kafka", e);
        }
        awaitAnswering(Duration.ofMinutes(5));
    }

    /** Waits until the broker answers a metadata request. */
    void awaitAnswering(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                admin.listTopics().names().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The broker did not answer within " + timeout + "; see " + log, e);
                }
            }
        }
    }

    /** SIGTERM and a clean shutdown (the data directory stays). */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGSTOP: the process stays, its sockets stay open, and nothing answers. */
    void freeze() {
        signal("STOP");
    }

    /** SIGCONT. */
    void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void createContractTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), 3, (short) 1));
            if (INPUTS.contains(topic)) {
                topics.add(new NewTopic(topic.deadLetterTopic(), 3, (short) 1));
            }
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            admin.describeTopics(topics.stream().map(NewTopic::name).toList()).allTopicNames().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the contract topics", e);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            thaw();
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e.getMessage());
        }
    }
}
