package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

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
import io.micrometer.core.instrument.MeterRegistry;
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
 * Delivery is at-least-once: a crash between send and mark resends, and consumers dedupe by {@code ce_id}.
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
    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;

    public OutboxRelay(DataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ContinuityConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.metrics = metrics;
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
            thread.interrupt();
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
                    pg.getNotifications(0);
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

    /** Publishes up to one batch of unpublished rows; returns how many. */
    int relayBatch(Connection connection, KafkaProducer<String, byte[]> producer) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, topic, record_key, headers::text, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, config.outbox().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getBytes(5));
                    readHeaders(rs.getString(4)).forEach((k, v) -> record.headers().add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
                    sends.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not accept an outbox record: " + e.getMessage(), e);
            }
        }
        try (PreparedStatement mark = connection.prepareStatement("UPDATE outbox SET published_at = now() WHERE id = ANY (?)")) {
            mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
        }
        metrics.counter("continuity.outbox.published").increment(ids.size());
        return ids.size();
    }

    private static Map<String, String> readHeaders(String json) {
        try {
            return JSON.readValue(json, new TypeReference<HashMap<String, String>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("unreadable outbox headers", e);
        }
    }

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
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "continuity-outbox-relay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
