package io.continuity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives every {@code @QuarkusTest} the real infrastructure: one Kafka broker and one fresh PostgreSQL database per
 * test JVM, started on first use and stopped when the JVM exits. The broker is the in-JVM KRaft broker unless the
 * system property {@code tests.kafka=testcontainers} asks for a Kafka container (machines with Docker).
 */
public class ContinuityTestResources implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(ContinuityTestResources.class);
    public static final String TEST_CLOCK_START = "2026-11-23T07:00:00Z";
    /** The port the service's IPTV stream links point at ({@code continuity.iptv.stream-base-url}); a test may serve HLS there. */
    public static final int STREAM_PORT = freePort();
    private static Infrastructure infrastructure;

    /** The shared broker and database, started on first call. */
    public static synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            infrastructure = Infrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "test-infrastructure-stop"));
        }
        return infrastructure;
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = infrastructure();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", infra.database().jdbcUrl());
        config.put("quarkus.datasource.username", infra.database().user());
        config.put("quarkus.datasource.password", "");
        // a fixed, advancing clock: Monday 2026-11-23 07:00 UTC, so schedule expectations do not depend on the day tests run
        config.put("continuity.clock.start", TEST_CLOCK_START);
        config.put("continuity.iptv.stream-base-url", "http://127.0.0.1:" + STREAM_PORT);
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // shared for the whole JVM; stopped by the shutdown hook
    }

    /** The broker and database of one test JVM. */
    public record Infrastructure(String bootstrapServers, TestDatabase database, AutoCloseable broker) {

        static Infrastructure start() {
            long started = System.nanoTime();
            String mode = System.getProperty("tests.kafka", "embedded");
            AutoCloseable broker;
            String bootstrap;
            if ("testcontainers".equals(mode)) {
                TestcontainersKafka kafka = TestcontainersKafka.start();
                broker = kafka;
                bootstrap = kafka.bootstrapServers();
            } else {
                EmbeddedKafka kafka = EmbeddedKafka.start(0);
                broker = kafka;
                bootstrap = kafka.bootstrapServers();
            }
            TestDatabase db = TestDatabase.create("continuity_test");
            LOG.infof("Test infrastructure up in %d ms: Kafka (%s) at %s, PostgreSQL%s at %s",
                    (System.nanoTime() - started) / 1_000_000, mode, bootstrap,
                    db.embedded() ? " (embedded)" : "", db.jdbcUrl());
            return new Infrastructure(bootstrap, db, broker);
        }

        void close() {
            try {
                broker.close();
            } catch (Exception e) {
                LOG.warn("Broker did not stop cleanly", e);
            }
            database.close();
        }
    }
}
