package io.continuity.resolver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.messaging.IngestActivity;
import io.continuity.messaging.PartitionTracker;
import io.continuity.messaging.ReplayGate;
import io.continuity.messaging.TransientFailures;
import io.continuity.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps every owned channel's horizon resolved. It takes resolution requests for the channels on the plan-events
 * partitions this instance owns (so with N replicas each channel is resolved by its partition's owner), rolls the
 * horizon forward on a schedule, and raises an alert when a channel's coverage ahead is short. It starts work only
 * once this instance has read its partitions up to where they ended at assignment (see {@link PartitionTracker}).
 * Pending channels are resolved {@code continuity.horizon.concurrency} at a time, each in its own transaction.
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
    private final Tracing tracing;
    private final ResolutionFailures failures;
    private final ReplayGate gate;
    private final IngestActivity ingest;
    private final BulkYield bulkYield;
    private final BlockingQueue<Boolean> wake = new LinkedBlockingQueue<>(1);
    private final Map<UUID, Instant> retryAfter = new ConcurrentHashMap<>();
    private final AtomicInteger roundChannels = new AtomicInteger();
    private final AtomicInteger roundVersions = new AtomicInteger();
    private ExecutorService resolvers;
    private volatile boolean running;
    private Thread thread;
    private Instant nextRoll = Instant.MIN;
    private boolean announcedCaughtUp;

    public HorizonWorker(ChannelResolution resolution, ResolutionRequests requests, CoverageMonitor coverage, PartitionTracker tracker,
            Clock clock, ContinuityConfig config, Tracing tracing, ResolutionFailures failures, ReplayGate gate, IngestActivity ingest) {
        this.gate = gate;
        this.ingest = ingest;
        this.bulkYield = new BulkYield(config.horizon().bulkYield());
        this.resolution = resolution;
        this.failures = failures;
        this.tracing = tracing;
        this.requests = requests;
        this.coverage = coverage;
        this.tracker = tracker;
        this.clock = clock;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.schedulingEnabled()) {
            LOG.info("Scheduling service off in this process (continuity.scheduling.enabled=false): no resolution");
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        int concurrency = Math.max(1, config.horizon().concurrency());
        resolvers = Executors.newFixedThreadPool(concurrency,
                r -> Thread.ofPlatform().name("horizon-resolve-" + n.incrementAndGet()).daemon().unstarted(r));
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
        if (resolvers != null) {
            resolvers.shutdownNow();
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
                if (!running || !tracker.caughtUp() || gate.replaying() || tracker.ownedPlanPartitions().isEmpty()) {
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
        boolean first = nextRoll.equals(Instant.MIN);
        nextRoll = now.plus(config.horizon().rollInterval());
        coverage.rollAndCheck(tracker.ownedPlanPartitions(), now, first);
    }

    private void drain() throws InterruptedException {
        long start = System.nanoTime();
        roundChannels.set(0);
        roundVersions.set(0);
        try {
            resolvePending();
        } finally {
            summarise(start);
        }
    }

    /** One INFO line per round that stored versions; what each channel and day became is at DEBUG ({@link ChannelResolution}). */
    private void summarise(long start) {
        int versions = roundVersions.get();
        if (versions > 0) {
            int channels = roundChannels.get();
            LOG.infof("Resolved %d channel%s: %d new ScheduleDay version%s in %.1f s", channels, channels == 1 ? "" : "s", versions,
                    versions == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Keeps every resolving thread busy with the first pending requests, asking the queue again each time one finishes:
     * an urgent request that arrives while a catalog-wide re-resolution runs waits for one resolution to end, not for
     * the rest of the bulk (see {@link ResolutionRequests.Lane}). A channel is never resolved twice at once. A transient
     * failure stops new work; once the resolutions in flight end, it is rethrown and the round is tried again.
     */
    private void resolvePending() throws InterruptedException {
        int threads = Math.max(1, config.horizon().concurrency());
        int bulkThreads = bulkThreads(threads);
        CompletionService<UUID> done = new ExecutorCompletionService<>(resolvers);
        Map<UUID, Future<UUID>> inFlight = new HashMap<>();
        Set<UUID> bulkInFlight = new HashSet<>();
        RuntimeException failure = null;
        while (true) {
            if (failure == null && running && inFlight.size() < threads) {
                for (ResolutionRequests.Pending request : requests.pending(tracker.ownedPlanPartitions(), threads + inFlight.size())) {
                    if (inFlight.size() >= threads) {
                        break;
                    }
                    if (inFlight.containsKey(request.channelId()) || retryAfter.getOrDefault(request.channelId(), Instant.MIN).isAfter(clock.instant())) {
                        continue;
                    }
                    boolean bulk = request.lane() == ResolutionRequests.Lane.BULK;
                    if (bulk && (bulkInFlight.size() >= bulkThreads || !bulkYield.mayStart(System.nanoTime(), ingest.lastBurstBatch()))) {
                        continue;
                    }
                    if (bulk) {
                        bulkInFlight.add(request.channelId());
                    }
                    inFlight.put(request.channelId(), done.submit(() -> resolveOne(request), request.channelId()));
                }
            }
            if (inFlight.isEmpty()) {
                break;
            }
            Future<UUID> finished = done.take();
            UUID finishedChannel = inFlight.entrySet().stream().filter(e -> e.getValue() == finished).map(Map.Entry::getKey).findFirst().orElseThrow();
            inFlight.remove(finishedChannel);
            bulkInFlight.remove(finishedChannel);
            try {
                finished.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** How many resolving threads bulk requests may take at once (see {@code continuity.horizon.bulk-concurrency}). */
    private int bulkThreads(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        int bulk = config.horizon().bulkConcurrency().orElse(Math.min(threads - 1, cores - 1));
        return Math.max(1, Math.min(bulk, threads));
    }

    private void resolveOne(ResolutionRequests.Pending request) {
        UUID channelId = request.channelId();
        Span span = tracing.start("resolve channel", SpanKind.INTERNAL, tracing.extract(request.traceparent()));
        span.setAttribute("continuity.channel_id", channelId.toString());
        try (Scope scope = span.makeCurrent()) {
            int versions = resolveRetryingConflicts(request);
            if (versions > 0) {
                roundChannels.incrementAndGet();
                roundVersions.addAndGet(versions);
            }
            requests.done(channelId, request.requestedAt());
            retryAfter.remove(channelId);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.errorf(e, "Resolving channel %s failed (inputs %s); its published days keep airing; tried again in a minute", channelId,
                    request.causes());
            failures.record(channelId, request, e, clock.instant());
            retryAfter.put(channelId, clock.instant().plus(Duration.ofMinutes(1)));
        } finally {
            span.end();
        }
    }

    /**
     * A resolution reads one snapshot; an input that changed the same rows meanwhile (the channel, a day an override
     * just versioned) makes it fail as a conflict: resolve again at once, on the newer inputs.
     */
    private int resolveRetryingConflicts(ResolutionRequests.Pending request) {
        for (int attempt = 1;; attempt++) {
            try {
                return resolution.resolve(request.channelId(), clock.instant(), request.scope());
            } catch (RuntimeException e) {
                if (attempt >= 5 || !TransientFailures.isConflict(e)) {
                    throw e;
                }
                LOG.debugf("Resolving channel %s met a concurrent change (%s); resolving again", request.channelId(), e.toString());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
