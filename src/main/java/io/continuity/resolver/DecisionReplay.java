package io.continuity.resolver;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.ScheduleDecided;
import io.continuity.events.Topic;
import io.continuity.messaging.OffsetStore;
import io.continuity.messaging.PartitionTracker;
import io.continuity.messaging.ReplayGate;
import io.continuity.messaging.TransientFailures;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Makes the recorded decisions again, one after the other in input order, each once the inputs have reached the
 * positions it recorded. Like live resolution, a channel's decisions are replayed by the instance that owns its
 * plan-events partition; the others wait until it has made them (the {@link ReplayGate} holds them there): the same inputs and the same decision time give the
 * same ScheduleDay versions, whatever this instance's clock says. If the inputs stop moving before a decision's
 * positions are reached, the replay gives up after {@code continuity.horizon.replay-stall} and the gate opens.
 */
@ApplicationScoped
public class DecisionReplay {

    private static final Logger LOG = Logger.getLogger(DecisionReplay.class);

    private final ReplayGate gate;
    private final ChannelResolution resolution;
    private final OffsetStore offsets;
    private final PartitionTracker tracker;
    private final String group;
    private final Duration stall;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    public DecisionReplay(ReplayGate gate, ChannelResolution resolution, OffsetStore offsets, PartitionTracker tracker,
            ContinuityConfig config) {
        this.tracker = tracker;
        this.gate = gate;
        this.resolution = resolution;
        this.offsets = offsets;
        this.group = config.consumerGroup();
        this.stall = config.horizon().replayStall();
        this.enabled = config.schedulingEnabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("decision-replay").daemon().start(this::loop);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        Map<String, Map<Integer, Long>> lastSeen = Map.of();
        long lastProgress = System.nanoTime();
        UUID aheadWarned = null;
        while (running) {
            try {
                Optional<ReplayGate.Recorded> next = gate.next();
                if (next.isEmpty()) {
                    gate.awaitChange(1000);
                    lastProgress = System.nanoTime();
                    continue;
                }
                ScheduleDecided decision = next.get().decision();
                if (!owned(decision)) {
                    // the owner of the channel's partition replays it (one resolver per channel); wait until it has
                    if (!gate.made(List.of(decision.decisionId())).isEmpty()) {
                        gate.replayed(decision.decisionId());
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                        gate.open("decision " + decision.decisionId() + " for channel " + decision.channelId() + " was not replayed by the "
                                + "instance that owns its partition for " + stall.toSeconds() + " s");
                    } else {
                        gate.awaitChange(100);
                    }
                    continue;
                }
                Map<String, Map<Integer, Long>> positions = positions();
                if (!positions.equals(lastSeen)) {
                    lastSeen = positions;
                    lastProgress = System.nanoTime();
                }
                Optional<String> behind = compare(next.get(), positions, true);
                if (behind.isPresent()) {
                    if (System.nanoTime() - lastProgress > stall.toNanos()) {
                        gate.open("decision " + decision.decisionId() + " waits for " + behind.get() + " and the inputs have not moved for "
                                + stall.toSeconds() + " s");
                    } else {
                        gate.awaitChange(50);
                    }
                    continue;
                }
                Optional<String> ahead = compare(next.get(), positions, false);
                if (ahead.isPresent() && !decision.decisionId().equals(aheadWarned)) {
                    aheadWarned = decision.decisionId();
                    LOG.warnf("Decision %s for channel %s is replayed on newer inputs than it was made on (%s); its versions may differ",
                            decision.decisionId(), decision.channelId(), ahead.get());
                }
                replay(decision);
                gate.replayed(decision.decisionId());
                lastProgress = System.nanoTime();
            } catch (IllegalStateException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Replaying decisions: %s", e.toString());
                sleep(500);
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("Replaying decisions failed for now (%s); trying again shortly", e.toString());
                sleep(1000);
            }
        }
    }

    private void replay(ScheduleDecided decision) {
        for (int attempt = 1;; attempt++) {
            try {
                resolution.replay(decision);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || attempt >= 5) {
                    if (TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    LOG.errorf(e, "Replaying decision %s for channel %s failed; it is skipped (the channel is resolved on this "
                            + "instance's clock after the rebuild)", decision.decisionId(), decision.channelId());
                    return;
                }
            }
        }
    }

    /** Whether this instance resolves the decision's channel: it owns the channel's plan-events partition. */
    private boolean owned(ScheduleDecided decision) {
        return tracker.ownedPlanPartitions().contains(tracker.planPartitionOf(decision.channelId()));
    }

    private Map<String, Map<Integer, Long>> positions() throws SQLException {
        Map<String, Map<Integer, Long>> positions = new HashMap<>();
        for (Topic topic : ReplayGate.INPUTS) {
            positions.put(topic.topicName(), offsets.loadDirect(group, topic.topicName()));
        }
        return positions;
    }

    /** The first input partition behind (or, with {@code behind} false, ahead of) the decision's recorded position. */
    private static Optional<String> compare(ReplayGate.Recorded recorded, Map<String, Map<Integer, Long>> positions, boolean behind) {
        for (Map.Entry<String, Map<Integer, Long>> topic : positions.entrySet()) {
            java.util.Set<Integer> partitions = new java.util.HashSet<>(topic.getValue().keySet());
            partitions.addAll(recorded.decision().inputs().getOrDefault(topic.getKey(), Map.of()).keySet());
            for (int p : partitions) {
                long at = topic.getValue().getOrDefault(p, 0L);
                long wanted = recorded.position(topic.getKey(), p);
                if (behind ? at < wanted : at > wanted) {
                    return Optional.of(topic.getKey() + "-" + p + " at " + at + ", recorded " + wanted);
                }
            }
        }
        return Optional.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
