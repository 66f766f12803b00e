package io.continuity.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.continuity.api.Roles;
import io.continuity.testing.EmbeddedKafka;
import io.continuity.testing.LocalPostgres;
import io.continuity.testing.ParentWatch;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestTools;
import io.continuity.testing.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local run ({@code ./mvnw -Prun}): starts a real Kafka broker (KRaft, in this JVM) on port 9092, uses the
 * PostgreSQL on 127.0.0.1:5432 when it answers and lets {@code postgres} in without a password (database
 * {@code continuity_local}, recreated on every run) or else starts an embedded PostgreSQL, then runs the packaged service
 * as a child process. The service verifies bearer tokens with the development key pair; the run prints the guide's URL
 * signed in as scheduler and writes both tokens to {@code target/local-run.env}. With {@code -Dplayout} it also plays a generated
 * demo library as live HLS ({@link LocalPlayout}).
 *
 * <p>Ctrl+C, SIGTERM, or the end of the Maven process that started it (an IDE's stop button, {@code kill} of Maven)
 * stops the playout process, the service, the broker and the embedded PostgreSQL: what was started is stopped in reverse order
 * by one shutdown hook, and {@link ParentWatch} turns the parent's end into an exit of this JVM.
 */
public final class LocalRun {

    private static final String DATABASE = "continuity_local";
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    private static final Duration FIRST_SEGMENT_WAIT = Duration.ofMinutes(3);

    private static volatile boolean stopping;

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.exitWithParent("[local-run]");
        Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "local-run-stop"));
        Path jar = args.length > 0 ? Path.of(args[0]) : ServiceProcess.packagedJar();
        int kafkaPort = Integer.parseInt(env("CONTINUITY_LOCAL_KAFKA_PORT", "9092"));
        int httpPort = Integer.parseInt(env("CONTINUITY_LOCAL_HTTP_PORT", "8080"));
        int hlsPort = Integer.parseInt(env("CONTINUITY_LOCAL_PLAYOUT_PORT", "8090"));
        Path target = jar.toAbsolutePath().getParent().getParent();

        long begin = System.nanoTime();
        Path media = target.resolve("demo-media");
        LocalPlayout.Decision playout = playout(media);
        long brokerStart = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(0);
        started.push(kafka);
        int brokerPort = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
        started.push(PortForwarder.start(kafkaPort, brokerPort));
        String bootstrap = "localhost:" + kafkaPort;
        log("Kafka broker (KRaft) ready in " + millisSince(brokerStart) + " ms: bootstrap " + bootstrap + " (broker port " + brokerPort + ")");
        String jdbcUrl = database(started);

        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.profile", "local");
        if (playout.on()) {
            config.putAll(LocalPlayout.serviceConfig(playout, media, hlsPort));
        }
        ServiceProcess service = ServiceProcess.start("continuity", jar, httpPort, config, null);
        started.push(() -> service.stop(Duration.ofSeconds(20)));
        Path playoutLog = target.resolve("local-playout.log");
        ServiceProcess channelManager = playout.on() ? LocalPlayout.start(jar, bootstrap, hlsPort, playout, target, playoutLog) : null;
        if (channelManager != null) {
            started.push(() -> channelManager.stop(Duration.ofSeconds(20)));
        }
        service.awaitReady(Duration.ofMinutes(2));
        if (channelManager != null) {
            channelManager.awaitReady(Duration.ofMinutes(2));
            watch(channelManager, playoutLog);
        }
        banner(httpPort, bootstrap, jar, playout, hlsPort, playoutLog);
        if (channelManager != null) {
            reportFirstSegment(hlsPort, begin, playoutLog);
        }
        System.exit(service.waitForExit());
    }

    /** Whether this run plays out, with one line about it when it was asked for; the demo media is made (or reused) here. */
    private static LocalPlayout.Decision playout(Path media) {
        boolean requested = LocalPlayout.requested();
        LocalPlayout.Decision decision = LocalPlayout.decide(requested, TestTools.ffmpeg(), TestTools.ffprobe(), LocalPlayout.realClock());
        if (requested) {
            log(decision.message());
        }
        if (!decision.on()) {
            return decision;
        }
        LocalPlayout.Decision withMedia = LocalPlayout.withDemoMedia(decision, media);
        log(withMedia.message());
        return withMedia;
    }

    /** Says so when the playout process ends while the run goes on. */
    private static void watch(ServiceProcess channelManager, Path log) {
        Thread.ofPlatform().name("local-run-playout-watch").daemon().start(() -> {
            try {
                int code = channelManager.waitForExit();
                if (!stopping) {
                    log("The playout ChannelManager exited with " + code + "; see " + log + ". The service goes on without it.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** In the background: one line once the Test Card's live playlist lists its first segment, with the time it took. */
    private static void reportFirstSegment(int hlsPort, long begin, Path log) {
        long ready = System.nanoTime();
        Thread.ofPlatform().name("local-run-first-segment").daemon().start(() -> {
            try {
                if (LocalPlayout.awaitFirstSegment(hlsPort, FIRST_SEGMENT_WAIT)) {
                    log(String.format(Locale.ROOT, "Test Card is on air: first segment playable %.1f s after the run started, %.1f s after "
                            + "the ready line", (System.nanoTime() - begin) / 1e9, (System.nanoTime() - ready) / 1e9));
                } else {
                    log("Test Card has no segment after " + FIRST_SEGMENT_WAIT.toMinutes() + " minutes; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * The JDBC URL of an empty {@code continuity_local}: on 127.0.0.1:5432 when that server lets {@code postgres} in
     * without a password, else on an embedded PostgreSQL, with one line saying why.
     */
    private static String database(Deque<AutoCloseable> started) throws IOException, SQLException {
        LocalPostgres.Probe probe = LocalPostgres.probe();
        String reason = probe.reason();
        if (probe.accepts()) {
            String server = "jdbc:postgresql://" + LocalPostgres.HOST + ":" + LocalPostgres.PORT + "/";
            try {
                recreate(server + "postgres");
                log("Using PostgreSQL at " + LocalPostgres.HOST + ":" + LocalPostgres.PORT + ", database " + DATABASE + " (recreated empty)");
                return server + DATABASE;
            } catch (SQLException e) {
                reason = "The PostgreSQL on " + LocalPostgres.HOST + ":" + LocalPostgres.PORT + " would not recreate " + DATABASE + " ("
                        + e.getMessage().replaceAll("\\s+", " ") + ")";
            }
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        started.push(embedded);
        recreate(embedded.getJdbcUrl("postgres", "postgres"));
        log(reason + "; started an embedded PostgreSQL on port " + embedded.getPort() + " instead");
        return embedded.getJdbcUrl("postgres", DATABASE);
    }

    /**
     * What a person needs once the service is ready, each token printed once: the guide signed in as scheduler, the
     * XMLTV and M3U URLs for an IPTV player with a viewer token, and a file that exports both for the shell (valid for a week).
     */
    private static void banner(int httpPort, String bootstrap, Path jar, LocalPlayout.Decision playout, int hlsPort, Path playoutLog)
            throws IOException {
        String scheduler = Tokens.mint("operator@localhost", TOKEN_LIFETIME, Roles.SCHEDULER);
        String viewer = Tokens.mint("viewer@localhost", TOKEN_LIFETIME, Roles.VIEWER);
        Path env = tokensFile(jar, scheduler, viewer);
        String base = "http://localhost:" + httpPort;
        log("Continuity is ready. Ctrl+C, or stopping Maven, stops everything this run started.");
        log("  Program guide, signed in as scheduler: " + base + "/#token=" + scheduler);
        log("  M3U channel list for an IPTV player (viewer token; it hands the player the XMLTV guide with the same token): " + base
                + "/iptv/channels.m3u?access_token=" + viewer);
        if (playout.on()) {
            log("  Live HLS of the Test Card channel (the guide's Watch button; log " + relative(playoutLog) + "): " + LocalPlayout.streamUrl(hlsPort));
        } else {
            log("  " + playout.message());
        }
        log("  Shell: '. " + env + "' sets TOKEN (scheduler) and VIEWER_TOKEN (viewer), valid for " + TOKEN_LIFETIME.toDays() + " days");
        log("  API docs: " + base + "/q/swagger-ui (Authorize with $TOKEN); Kafka: " + bootstrap);
    }

    /** {@code target/local-run.env}, readable by its owner only; shown relative to the working directory when inside it. */
    private static Path tokensFile(Path jar, String scheduler, String viewer) throws IOException {
        Path file = jar.toAbsolutePath().getParent().getParent().resolve("local-run.env");
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the directory's defaults
        }
        Files.writeString(file, "export TOKEN=" + scheduler + " VIEWER_TOKEN=" + viewer + "\n");
        return relative(file);
    }

    /** {@code file} relative to the working directory when inside it. */
    private static Path relative(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file) : file;
    }

    private static void stopAll(Deque<AutoCloseable> started) {
        stopping = true;
        for (AutoCloseable next = started.poll(); next != null; next = started.poll()) {
            try {
                next.close();
            } catch (Exception e) {
                log("Stopping " + next + " failed: " + e.getMessage());
            }
        }
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
