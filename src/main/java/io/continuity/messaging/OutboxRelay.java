package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.continuity.config.ContinuityConfig;
import io.continuity.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes outbox rows to Kafka and then marks them published. One instance at a time relays (a PostgreSQL advisory
 * lock elects it), so per-key order holds with any number of replicas. It selects every unpublished row in id order
 * rather than "after the last id", so a row that committed later than a higher id is never skipped. It is woken by
 * {@code NOTIFY continuity_outbox} (sent by a trigger on insert) and looks again at least every idle-wait anyway.
 * Delivery is at-least-once: a crash between send and mark resends, and consumers dedupe by {@code ce_id}. A failure is
 * retried in place (nothing behind it overtakes it), except a record Kafka refused for good, which is parked
 * ({@link OutboxParking}) so that one oversized record does not stop every record behind it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LEADER_LOCK = 0x636f6e74L; // "cont"
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final ContinuityConfig config;
    private final MeterRegistry metrics;
    private final Tracing tracing;
    private final Timer publishLatency;
    private final CrashPoints crashPoints;
    private final OutboxParking parking;
    private volatile boolean running;
    private volatile boolean leader;
    /** After a failure, the next batch goes no further than the row that failed, so what followed it is not resent each retry. */
    private long retryUpTo = Long.MAX_VALUE;
    private Thread thread;

    public OutboxRelay(DataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ContinuityConfig config, MeterRegistry metrics, Tracing tracing, CrashPoints crashPoints, OutboxParking parking) {
        this.crashPoints = crashPoints;
        this.parking = parking;
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.metrics = metrics;
        this.publishLatency = Timer.builder("continuity.outbox.publish.latency")
                .description("an outbox row's creation (its transaction's start) to Kafka's acknowledgement").publishPercentileHistogram()
                .register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.outbox().enabled()) {
            LOG.info("Outbox relay disabled on this instance (continuity.outbox.enabled=false)");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            // unpark, not interrupt: an interrupt would also reach the producer's close and cut its final flush short
            LockSupport.unpark(thread);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this instance currently holds the relay lock. */
    public boolean isLeader() {
        return leader;
    }

    private void loop() {
        try (KafkaProducer<String, byte[]> producer = createProducer()) {
            while (running) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(true);
                    if (!acquireLeadership(connection)) {
                        sleep(config.outbox().idleWait().toMillis());
                        continue;
                    }
                    relayWhileLeader(connection, producer);
                } catch (SQLException | RuntimeException | Error e) {
                    leader = false;
                    if (running) {
                        LOG.warnf("Outbox relay interrupted (%s); retrying shortly", e.getMessage());
                        sleep(1000);
                    }
                }
            }
        }
        leader = false;
    }

    private boolean acquireLeadership(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LEADER_LOCK + ")")) {
            rs.next();
            boolean acquired = rs.getBoolean(1);
            if (acquired) {
                LOG.info("This instance now relays the outbox");
                leader = true;
                s.execute("LISTEN continuity_outbox");
            }
            return acquired;
        }
    }

    private void relayWhileLeader(Connection connection, KafkaProducer<String, byte[]> producer) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        try {
            while (running) {
                while (running && relayBatch(connection, producer) > 0) {
                    pg.getNotifications(); // drains the wake-ups this batch answered; never blocks (0 would wait forever)
                }
                PGNotification[] wake = pg.getNotifications((int) config.outbox().idleWait().toMillis());
                LOG.tracef("Outbox relay woke (%d notifications)", wake == null ? 0 : wake.length);
            }
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("UNLISTEN *");
                s.execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException e) {
                LOG.debug("Could not release the relay lock cleanly; the connection is dropped", e);
            }
            leader = false;
        }
    }

    /** A row of the batch in hand: its id, the record sent and Kafka's answer. */
    private record Sent(long id, ProducerRecord<String, byte[]> record, Future<RecordMetadata> ack) {

        /** Why Kafka did not take it, or null when it did. */
        Throwable failure() {
            try {
                ack.get();
                return null;
            } catch (ExecutionException e) {
                return e.getCause() == null ? e : e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
    }

    /**
     * Publishes up to one batch of unpublished rows; returns how many left the outbox (published or parked). Rows are
     * marked in id order up to the first that must be retried in place; a row Kafka refused for good is parked on the way
     * ({@link OutboxRefusals}), so the rows behind it are published.
     */
    int relayBatch(Connection connection, KafkaProducer<String, byte[]> producer) throws SQLException {
        List<Sent> batch = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, topic, record_key, headers::text, payload, traceparent FROM outbox WHERE published_at IS NULL AND id <= ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, retryUpTo);
            ps.setInt(2, config.outbox().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getBytes(5));
                    Map<String, String> headers = readHeaders(rs.getString(4));
                    headers.forEach((k, v) -> record.headers().add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
                    batch.add(new Sent(rs.getLong(1), record, send(producer, record, headers.containsKey(Tracing.TRACEPARENT) ? null : rs.getString(6))));
                }
            }
        }
        if (batch.isEmpty()) {
            boolean limited = retryUpTo != Long.MAX_VALUE; // the row that failed left by another way (another leader published it)
            retryUpTo = Long.MAX_VALUE;
            return limited ? relayBatch(connection, producer) : 0;
        }
        producer.flush();
        List<Long> published = new ArrayList<>();
        int parked = 0;
        for (Sent sent : batch) {
            Throwable failure = sent.failure();
            if (failure == null) {
                published.add(sent.id());
                continue;
            }
            OutboxRefusals.Outcome outcome = OutboxRefusals.of(sent.record().topic(), failure);
            if (outcome == OutboxRefusals.Outcome.PARK) {
                parked += parking.park(sent.id(), sent.record(), failure) ? 1 : 0;
                continue;
            }
            if (outcome == OutboxRefusals.Outcome.HOLD) {
                parking.hold(sent.id(), sent.record(), failure);
            }
            markPublished(connection, published); // what went through before it; what follows it is sent again after it
            retryUpTo = sent.id();
            throw new IllegalStateException("Kafka did not accept outbox row " + sent.id() + ": " + failure.getMessage(), failure);
        }
        crashPoints.outboxBatchSent();
        markPublished(connection, published);
        retryUpTo = Long.MAX_VALUE;
        return published.size() + parked;
    }

    private void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = connection.prepareStatement("""
                UPDATE outbox SET published_at = now() WHERE id = ANY (?)
                RETURNING (extract(epoch FROM clock_timestamp() - created_at) * 1000)::bigint""")) {
            mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet waited = mark.executeQuery()) {
                while (waited.next()) {
                    publishLatency.record(Duration.ofMillis(Math.max(0, waited.getLong(1))));
                }
            }
        }
        metrics.counter("continuity.outbox.published").increment(ids.size());
    }

    /**
     * Sends a record as a child of the trace that wrote it: its {@code traceparent} header names the publish span (or,
     * with tracing off, the stored context itself). Records that already carry one (dead letters keep the original
     * record's headers) are sent as they are.
     */
    private Future<RecordMetadata> send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record, String traceparent) {
        if (traceparent == null) {
            return producer.send(record);
        }
        Span span = tracing.start("publish " + record.topic(), SpanKind.PRODUCER, tracing.extract(traceparent));
        try (Scope scope = span.makeCurrent()) {
            record.headers().add(Tracing.TRACEPARENT, Tracing.currentTraceparent().getBytes(StandardCharsets.UTF_8));
            return producer.send(record);
        } finally {
            span.end();
        }
    }

    private static Map<String, String> readHeaders(String json) {
        try {
            return JSON.readValue(json, new TypeReference<HashMap<String, String>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("unreadable outbox headers", e);
        }
    }

    /** The largest record the relay sends, before compression (the producer's default is 1 MiB). */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private KafkaProducer<String, byte[]> createProducer() {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.") || "security.protocol".equals(k)) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A day of short items (a channel filled with 2-second clips) is tens of thousands of events: its day-published
        // record can pass the producer's 1 MiB default before compression, and a record Kafka refuses is parked, not published.
        // JSON with repeated field names compresses several times over, so the broker's own 1 MiB batch limit still holds.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "continuity-outbox-relay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Waits up to {@code millis}, or until {@link #onStop} wakes the relay. */
    private void sleep(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = deadline - System.nanoTime(); running && left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }
}
