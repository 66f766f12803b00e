package io.continuity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import io.continuity.events.Topic;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

import static org.awaitility.Awaitility.await;

/**
 * What one stage of the benchmark runs against: a real Kafka broker (KRaft, in this JVM) with the contract's topics,
 * fresh PostgreSQL databases, and the packaged service as a child process. Closing it stops the services, drops the
 * databases it created (unless asked to keep them) and stops the broker.
 */
final class BenchStack implements AutoCloseable {

    /** The service clock starts here: mid-day in both channel time zones, so no run crosses a broadcast day. */
    static final Instant CLOCK_START = Instant.parse("2026-03-02T12:00:00Z");
    static final int PARTITIONS = 3;

    private final BenchOptions options;
    private final EmbeddedKafka kafka;
    private final List<TestDatabase> databases = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();

    private BenchStack(BenchOptions options, EmbeddedKafka kafka) {
        this.options = options;
        this.kafka = kafka;
    }

    /** Starts a broker and creates every topic of the contract, {@value #PARTITIONS} partitions each. */
    static BenchStack start(BenchOptions options) {
        long started = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(0, PARTITIONS);
        Progress.say("Kafka broker (KRaft, in-JVM) ready at " + kafka.bootstrapServers() + " in " + Progress.seconds(System.nanoTime() - started));
        return new BenchStack(options, kafka);
    }

    String bootstrap() {
        return kafka.bootstrapServers();
    }

    private boolean trained;

    TestDatabase database(String prefix) {
        TestDatabase database = TestDatabase.create(prefix);
        databases.add(database);
        return database;
    }

    /** Launches the packaged service on {@code database} and waits until it is ready; the clock starts at {@link #CLOCK_START}. */
    Service startService(String name, TestDatabase database) throws Exception {
        return startService(name, database, List.of());
    }

    /** As {@link #startService(String, TestDatabase)}, with more JVM options (e.g. a larger heap) after the default ones. */
    Service startService(String name, TestDatabase database, List<String> jvmOptions) throws Exception {
        Files.createDirectories(options.out());
        String group = "bench-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("continuity.consumer-group", group);
        config.put("continuity.clock.start", CLOCK_START.toString());
        config.put("continuity.horizon.days", Integer.toString(Scale.DAYS - 1));
        // -Dbench.service=key=value,key=value passes settings to every service the run starts (e.g. to compare one)
        for (String setting : System.getProperty("bench.service", "").split(",")) {
            int eq = setting.indexOf('=');
            if (eq > 0) {
                config.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
            }
        }
        List<String> jvm = new ArrayList<>();
        if (options.jfr()) {
            jvm.addAll(List.of("-XX:StartFlightRecording=filename=" + jfrFile(name) + ",settings=profile,dumponexit=true",
                    "-XX:NativeMemoryTracking=summary"));
        }
        aotCache(config).ifPresent(cache -> jvm.add("-XX:AOTCache=" + cache));
        jvm.addAll(jvmOptions);
        Instant launchedAt = Instant.now();
        long launched = System.nanoTime();
        ServiceProcess process = ServiceProcess.start(name, options.jar(), ServiceProcess.freePort(), config,
                options.out().resolve(name + ".log"), jvm);
        long ready = awaitReady(process, name);
        Service service = new Service(process, database, group, launched, ready, launchedAt);
        services.add(service);
        Progress.say("service '" + name + "' ready in " + Progress.seconds(ready - launched) + " (pid " + process.pid() + ", log "
                + options.out().resolve(name + ".log") + ")");
        return service;
    }

    /**
     * The JDK AOT cache the service starts with (bench.aot): made once per run by a training run of the packaged service
     * on a database of its own, started until ready and stopped, as the image's build does (deploy/Dockerfile). Classes
     * come loaded and linked, and profiles from the training run, instead of parsed from the jar at every start.
     */
    private Optional<Path> aotCache(Map<String, String> config) throws Exception {
        if (!options.aot()) {
            return Optional.empty();
        }
        Path cache = options.out().resolve("continuity.aot").toAbsolutePath();
        if (!trained) {
            trained = true;
            Files.deleteIfExists(cache);
            TestDatabase scratch = database("continuity_bench_aot");
            Map<String, String> training = new LinkedHashMap<>(config);
            training.put("quarkus.datasource.jdbc.url", scratch.jdbcUrl());
            training.put("continuity.consumer-group", "bench-aot-" + UUID.randomUUID().toString().substring(0, 8));
            long start = System.nanoTime();
            ServiceProcess process = ServiceProcess.start("aot-training", options.jar(), ServiceProcess.freePort(), training,
                    options.out().resolve("aot-training.log"), List.of("-XX:AOTCacheOutput=" + cache));
            awaitReady(process, "aot-training");
            process.stop(Duration.ofMinutes(2));
            Progress.say("AOT cache " + (Files.exists(cache) ? "made" : "NOT made (see aot-training.log)") + " by a training run in "
                    + Progress.seconds(System.nanoTime() - start));
        }
        return Files.exists(cache) ? Optional.of(cache) : Optional.empty();
    }

    /**
     * Waits until the service's consumer group is stable with every input topic it reads assigned — ready is
     * reported before that: its consumers join one group one by one, and each join is a rebalance.
     *
     * @return seconds from launch until then
     */
    double awaitConsuming(Service service) {
        Set<String> inputs = Set.of(Topic.PLAN_EVENTS.topicName(), Topic.CATALOG_EVENTS.topicName(), Topic.OVERRIDE_COMMANDS.topicName());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(service.group())).describedGroups()
                        .get(service.group()).get();
                Set<String> assigned = group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                        .map(TopicPartition::topic).collect(Collectors.toSet());
                return group.groupState() == GroupState.STABLE && assigned.containsAll(inputs);
            });
        }
        return (System.nanoTime() - service.launchedNanos()) / 1e9;
    }

    Path jfrFile(String name) {
        return options.out().resolve(name + ".jfr").toAbsolutePath();
    }

    private static long awaitReady(ServiceProcess process, String name) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service '" + name + "' exited during start-up; see its log");
            }
            if (process.status("/q/health/ready") == 200) {
                return System.nanoTime();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new IllegalStateException("service '" + name + "' was not ready within 3 minutes");
    }

    /**
     * Stops a service: gracefully when it is being recorded (the flight recording is written on exit), otherwise at
     * once — its three consumers leave one group one at a time, and each departure is a rebalance, so a graceful
     * stop takes some 20 s that measure nothing here.
     */
    void stop(Service service) {
        if (options.jfr()) {
            service.close();
        } else {
            service.kill();
        }
        services.remove(service);
    }

    @Override
    public void close() {
        new ArrayList<>(services).forEach(this::stop);
        for (TestDatabase database : databases) {
            if (!options.keepDatabases()) {
                try {
                    database.admin("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
                } catch (RuntimeException e) {
                    Progress.say("could not drop database " + database.name() + ": " + e.getMessage());
                }
            }
            database.close();
        }
        kafka.close();
    }
}
