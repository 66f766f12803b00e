package io.continuity.playlog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells {@link ScheduleCache} which channels' schedules changed, whoever changed them: a connection of its own LISTENs
 * on {@code continuity_schedule}, which a trigger on the ScheduleDay table notifies on every commit that writes a
 * version (migration V6). PostgreSQL delivers a notification only after its transaction committed. While the
 * connection is down the cache serves nothing; once it is back the cache starts empty, since notifications sent in
 * between are lost.
 */
@ApplicationScoped
public class ScheduleChangeListener {

    private static final Logger LOG = Logger.getLogger(ScheduleChangeListener.class);
    static final String CHANNEL = "continuity_schedule";
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);

    private final ScheduleCache cache;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread thread;

    public ScheduleChangeListener(ScheduleCache cache, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.url = url;
        this.user = user.orElse(null);
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (!cache.enabled()) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("schedule-change-listener").start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debugf("closing the schedule listener's connection: %s", e.getMessage());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Duration wait = Duration.ofMillis(200);
        while (!stopping) {
            try (Connection c = DriverManager.getConnection(url, user, password.orElse(null))) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                cache.listening(true);
                LOG.debug("Listening for schedule changes; schedule queries are answered from memory");
                wait = Duration.ofMillis(200);
                PGConnection pg = c.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            apply(n.getParameter());
                        }
                    }
                    if (System.nanoTime() - checked > KEEPALIVE.toNanos()) {
                        alive(c); // a connection that died silently would otherwise wait for notifications forever
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.listening(false);
                if (stopping) {
                    return;
                }
                LOG.warnf("Lost the schedule change notifications (%s); schedule queries read the database until they are back, retrying in %d ms",
                        e.getMessage(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
        cache.listening(false);
    }

    private static void alive(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout((int) KEEPALIVE.toSeconds());
            s.execute("SELECT 1");
        }
    }

    private void apply(String payload) {
        if ("*".equals(payload)) {
            cache.forgetAll();
        } else {
            try {
                cache.changed(UUID.fromString(payload));
            } catch (IllegalArgumentException e) {
                cache.forgetAll();
            }
        }
    }
}
