package io.continuity.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.ds.PGSimpleDataSource;

import io.continuity.events.EventJson;
import io.continuity.events.OverrideApplied;
import io.continuity.testing.Db;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.KafkaTestClient;
import io.continuity.testing.ScheduledChannel;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;
import io.continuity.testing.Tokens;

/**
 * Measures override latency as an operator sees it: from the REST call returning (201) to a plain Kafka consumer of
 * {@code continuity.overrides} receiving the applied record. Runs the packaged service as a separate process.
 * Usage (after {@code ./mvnw package}): {@code java -cp <test class path> io.continuity.probe.OverrideLatencyProbe [count]}.
 */
public final class OverrideLatencyProbe {

    private OverrideLatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0); TestDatabase database = TestDatabase.create("continuity_probe");
                ServiceProcess service = ServiceProcess.start("probe", ServiceProcess.packagedJar(), ServiceProcess.freePort(), Map.of(
                        "kafka.bootstrap.servers", kafka.bootstrapServers(), "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                        "quarkus.datasource.username", database.user(), "continuity.clock.start", "2026-11-23T07:00:00Z"),
                        Files.createDirectories(Path.of("target")).resolve("override-probe.log"))) {
            service.awaitReady(Duration.ofMinutes(2));
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(database.jdbcUrl());
            ds.setUser(database.user());
            ScheduledChannel channel;
            try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
                channel = new ScheduledChannel().publish(client, new Db((DataSource) ds));
            }
            Map<String, Long> received = new ConcurrentHashMap<>();
            Thread listener = Thread.ofPlatform().daemon().start(() -> listen(kafka.bootstrapServers(), received));
            Thread.sleep(3000);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String authorization = "Bearer " + Tokens.scheduler();
            List<Long> latencies = new ArrayList<>();
            List<Long> roundTrips = new ArrayList<>();
            Instant base = Instant.parse("2026-11-24T12:00:00Z");
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                Instant start = base.plus(Duration.ofMinutes(3L * i));
                String body = "{\"override_id\":\"" + id + "\",\"action\":\"INSERT\",\"asset_uuid\":\"" + channel.special + "\",\"start_utc\":\""
                        + start + "\",\"end_utc\":\"" + start.plusSeconds(60) + "\",\"resume\":\"NEXT_EVENT\",\"reason\":\"probe\",\"requested_by\":\"probe\"}";
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                        + "/api/v1/channels/" + channel.channelId + "/overrides")).header("content-type", "application/json").header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                long returned = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("override " + i + " answered " + response.statusCode() + ": " + response.body());
                }
                long deadline = returned + Duration.ofSeconds(10).toNanos();
                while (!received.containsKey(id) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                Long at = received.get(id);
                if (at == null) {
                    throw new IllegalStateException("override " + id + " was never received on continuity.overrides");
                }
                latencies.add(Math.max(0, at - returned));
                roundTrips.add(returned - sent);
                if ((i + 1) % 50 == 0) {
                    System.out.printf("[probe] %d/%d overrides%n", i + 1, count);
                }
            }
            listener.interrupt();
            System.out.println("Override latency, REST 201 returned -> applied record received (" + count + " overrides): " + summary(latencies));
            System.out.println("REST round trip, POST sent -> 201 received (published, consumed, applied, committed): " + summary(roundTrips));
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            metrics.body().lines().filter(l -> l.startsWith("continuity_override_latency_seconds") && !l.contains("_bucket"))
                    .forEach(l -> System.out.println("  service: " + l));
        }
        System.exit(0);
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.get(n / 2) / 1e6, sorted.get((int) Math.ceil(n * 0.99) - 1) / 1e6,
                sorted.get(n - 1) / 1e6);
    }

    private static void listen(String bootstrap, Map<String, Long> received) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "override-probe");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("continuity.overrides"));
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(5)).forEach(r -> {
                    long now = System.nanoTime();
                    try {
                        received.put(EventJson.mapper().readValue(r.value(), OverrideApplied.class).overrideId().toString(), now);
                    } catch (java.io.IOException e) {
                        System.err.println("[probe] unreadable record: " + e.getMessage());
                    }
                });
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }
}
