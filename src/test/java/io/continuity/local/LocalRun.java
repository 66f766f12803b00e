package io.continuity.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.continuity.api.Roles;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;
import io.continuity.testing.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local run ({@code ./mvnw -Prun}): starts a real Kafka broker (KRaft, in this JVM) on port 9092, uses the
 * PostgreSQL on 127.0.0.1:5432 when one answers (database {@code continuity_local}, recreated on every run) or else
 * starts an embedded PostgreSQL, then runs the packaged service as a child process until Ctrl+C. The service verifies
 * bearer tokens with the development key pair, and the run logs a scheduler and a viewer token for it.
 */
public final class LocalRun {

    private static final String DATABASE = "continuity_local";
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(7);

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = args.length > 0 ? Path.of(args[0]) : ServiceProcess.packagedJar();
        int kafkaPort = Integer.parseInt(env("CONTINUITY_LOCAL_KAFKA_PORT", "9092"));
        int httpPort = Integer.parseInt(env("CONTINUITY_LOCAL_HTTP_PORT", "8080"));

        long started = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(0);
        int brokerPort = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
        PortForwarder forwarder = PortForwarder.start(kafkaPort, brokerPort);
        String bootstrap = "localhost:" + kafkaPort;
        log("Kafka broker (KRaft) ready in " + millisSince(started) + " ms: bootstrap " + bootstrap + " (broker port " + brokerPort + ")");
        EmbeddedPostgres embedded = null;
        String jdbcUrl;
        if (TestDatabase.localServerAnswers()) {
            recreate("jdbc:postgresql://127.0.0.1:5432/postgres");
            jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
            log("Using PostgreSQL at 127.0.0.1:5432, database " + DATABASE + " (recreated empty)");
        } else {
            embedded = EmbeddedPostgres.builder().start();
            recreate(embedded.getJdbcUrl("postgres", "postgres"));
            jdbcUrl = embedded.getJdbcUrl("postgres", DATABASE);
            log("No PostgreSQL answers on 127.0.0.1:5432; started an embedded one on port " + embedded.getPort());
        }

        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.profile", "local");
        ServiceProcess service = ServiceProcess.start("continuity", jar, httpPort, config, null);
        EmbeddedPostgres postgres = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop(Duration.ofSeconds(20));
            try {
                forwarder.close();
            } catch (java.io.IOException e) {
                log("forwarder did not close: " + e.getMessage());
            }
            kafka.close();
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (Exception e) {
                    log("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        }, "local-run-stop"));
        service.awaitReady(Duration.ofMinutes(2));
        log("Continuity is ready. Program guide: http://localhost:" + httpPort + "/, API docs: http://localhost:" + httpPort + "/q/swagger-ui, XMLTV: http://localhost:"
                + httpPort + "/api/v1/epg/xmltv, Kafka at " + bootstrap + ". Ctrl+C stops everything.");
        logTokens(httpPort);
        System.exit(service.waitForExit());
    }

    /**
     * Bearer tokens for this run, signed with the development key the service was started with (valid for a week):
     * paste one into Swagger UI's "Authorize", or use it with curl.
     */
    private static void logTokens(int httpPort) {
        String scheduler = Tokens.mint("operator@localhost", TOKEN_LIFETIME, Roles.SCHEDULER);
        String viewer = Tokens.mint("viewer@localhost", TOKEN_LIFETIME, Roles.VIEWER);
        log("Scheduler token (reads and writes): " + scheduler);
        log("Viewer token (reads only): " + viewer);
        log("For the shell: export TOKEN=" + scheduler + " VIEWER_TOKEN=" + viewer);
        log("Guide, signed in as scheduler: http://localhost:" + httpPort + "/#token=" + scheduler);
        log("XMLTV for an IPTV player (viewer token in the URL): http://localhost:" + httpPort + "/api/v1/epg/xmltv?access_token=" + viewer);
    }

    private static void recreate(String adminUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void log(String message) {
        System.out.println("[local-run] " + message);
    }
}
