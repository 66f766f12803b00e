package io.continuity.resolver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.messaging.PartitionTracker;
import io.continuity.messaging.TransientFailures;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps every owned channel's horizon resolved. It takes resolution requests for the channels on the plan-events
 * partitions this instance owns (so with N replicas each channel is resolved by its partition's owner), rolls the
 * horizon forward on a schedule, and raises an alert when a channel's coverage ahead is short. It starts work only
 * once this instance has read its partitions up to where they ended at assignment (see {@link PartitionTracker}).
 */
@ApplicationScoped
public class HorizonWorker {

    private static final Logger LOG = Logger.getLogger(HorizonWorker.class);

    private final ChannelResolution resolution;
    private final ResolutionRequests requests;
    private final CoverageMonitor coverage;
    private final PartitionTracker tracker;
    private final Clock clock;
    private final ContinuityConfig config;
    private final BlockingQueue<Boolean> wake = new LinkedBlockingQueue<>(1);
    private final Map<UUID, Instant> retryAfter = new HashMap<>();
    private volatile boolean running;
    private Thread thread;
    private Instant nextRoll = Instant.MIN;
    private boolean announcedCaughtUp;

    public HorizonWorker(ChannelResolution resolution, ResolutionRequests requests, CoverageMonitor coverage, PartitionTracker tracker,
            Clock clock, ContinuityConfig config) {
        this.resolution = resolution;
        this.requests = requests;
        this.coverage = coverage;
        this.tracker = tracker;
        this.clock = clock;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("horizon-worker").daemon().start(this::loop);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Work may be waiting (called after an ingest batch commits). */
    public void wake() {
        wake.offer(Boolean.TRUE);
    }

    private void loop() {
        while (running) {
            try {
                wake.poll(1, TimeUnit.SECONDS);
                if (!running || !tracker.caughtUp() || tracker.ownedPlanPartitions().isEmpty()) {
                    continue;
                }
                if (!announcedCaughtUp) {
                    announcedCaughtUp = true;
                    LOG.infof("Caught up with plan-events partitions %s; resolving horizons", tracker.ownedPlanPartitions());
                }
                roll();
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // a worker that dies silently stops every channel's horizon: log, back off, go on
                LOG.warnf("Horizon worker round failed (%s); trying again shortly", e.toString());
                sleep(TransientFailures.isTransient(e) ? 2000 : 500);
            }
        }
    }

    private void roll() {
        Instant now = clock.instant();
        if (now.isBefore(nextRoll)) {
            return;
        }
        nextRoll = now.plus(config.horizon().rollInterval());
        coverage.rollAndCheck(tracker.ownedPlanPartitions(), now);
    }

    private void drain() {
        List<Object[]> pending;
        do {
            pending = requests.pending(tracker.ownedPlanPartitions(), 50);
            int done = 0;
            for (Object[] row : pending) {
                UUID channelId = (UUID) row[0];
                Instant seen = toInstant(row[1]);
                if (retryAfter.getOrDefault(channelId, Instant.MIN).isAfter(clock.instant())) {
                    continue;
                }
                resolveOne(channelId, seen, (String) row[2]);
                done++;
            }
            if (done == 0) {
                return;
            }
        } while (running && !pending.isEmpty());
    }

    private void resolveOne(UUID channelId, Instant seen, String reason) {
        try {
            resolution.resolve(channelId, clock.instant(), seen, reason);
            retryAfter.remove(channelId);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.errorf(e, "Resolving channel %s failed; it will be tried again in a minute", channelId);
            retryAfter.put(channelId, clock.instant().plus(Duration.ofMinutes(1)));
        }
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
