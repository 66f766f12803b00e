package io.continuity.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code continuity.outbox.backlog} gauge: outbox rows not yet published; and {@code continuity.outbox.parked.rows}:
 * records Kafka refused for good, parked until an operator requeues or discards them. They are counted on a schedule
 * rather than on every scrape, so a scrape never waits on the database (during an outage the gauges keep their last
 * values). A backlog that grows while the relay leader is alive means Kafka is refusing or slow; one that grows with no
 * leader means no instance relays.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public OutboxBacklog(DataSource dataSource, MeterRegistry metrics, ContinuityConfig config) {
        this.dataSource = dataSource;
        this.enabled = config.schedulingEnabled();
        Gauge.builder("continuity.outbox.backlog", unpublished, AtomicLong::get).description("outbox rows not yet published to Kafka")
                .register(metrics);
        Gauge.builder("continuity.outbox.parked.rows", parked, AtomicLong::get)
                .description("outbox records Kafka refused for good, parked until requeued or discarded").register(metrics);
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        if (!enabled) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL), (SELECT count(*) FROM outbox_parked)")) {
            rs.next();
            unpublished.set(rs.getLong(1));
            parked.set(rs.getLong(2));
        } catch (SQLException e) {
            LOG.debugf("Outbox backlog not counted this time: %s", e.getMessage());
        }
    }
}
