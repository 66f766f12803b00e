package io.continuity.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

/**
 * The one source of "now" for the whole service. By default the system UTC clock; with {@code continuity.clock.start}
 * the service runs as if it were that instant when it started, advancing at {@code continuity.clock.speed}.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @ApplicationScoped
    Clock clock(ContinuityConfig config) {
        if (config.clock().start().isEmpty()) {
            // in whole microseconds, as PostgreSQL stores them: a decision time reads back unchanged
            return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        }
        Instant start = config.clock().start().get();
        double speed = config.clock().speed();
        LOG.infof("Service clock starts at %s and runs at %.1fx real time (continuity.clock.*)", start, speed);
        return new ShiftedClock(start, Instant.now(), speed);
    }

    /** A clock that started at a chosen instant and runs at a chosen speed. */
    static final class ShiftedClock extends Clock {
        private final Instant start;
        private final Instant realStart;
        private final double speed;

        ShiftedClock(Instant start, Instant realStart, double speed) {
            this.start = start;
            this.realStart = realStart;
            this.speed = speed;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the service clock is always UTC");
        }

        @Override
        public Instant instant() {
            long realNanos = Duration.between(realStart, Instant.now()).toNanos();
            // microseconds, like the system clock and PostgreSQL: a decision time survives the database unchanged
            return start.plusNanos((long) (realNanos * speed)).truncatedTo(ChronoUnit.MICROS);
        }
    }
}
