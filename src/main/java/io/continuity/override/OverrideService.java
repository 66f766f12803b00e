package io.continuity.override;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.inputs.CatalogAssetEntity;
import io.continuity.inputs.ChannelEntity;
import io.continuity.common.Versions;
import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.OverrideApplied;
import io.continuity.events.OverrideRequested;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.ScheduleDecided;
import io.continuity.messaging.AwaitingInput;
import io.continuity.messaging.Outbox;
import io.continuity.messaging.PartitionTracker;
import io.continuity.messaging.ReplayGate;
import io.continuity.messaging.TransactionCommit;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.playlog.PlaylogMapping;
import io.continuity.playlog.ScheduleDayWriter;
import io.continuity.resolver.ScheduleDecisions;
import io.continuity.resolver.TimeShiftedChannels;
import io.continuity.resolver.core.OverrideAction;
import io.continuity.resolver.core.OverrideLayer;
import io.continuity.resolver.core.OverrideSpec;
import io.continuity.resolver.core.ResolvedDay;
import io.continuity.resolver.core.ResolvedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Applies a last-minute override, frozen events included, in one transaction: the override is stored first as an input
 * of resolution (with its target's window and its asset fixed, so every later resolution of the day applies it again);
 * the day's current version with the override on top becomes the day's next ScheduleDay version (published like any
 * other, caused by the override); the channel's playlog version moves on (the optimistic-concurrency check of the
 * next override); and {@code continuity.override.applied.v1} goes to the outbox.
 */
@ApplicationScoped
public class OverrideService {

    private static final Logger LOG = Logger.getLogger(OverrideService.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final CloudEventCodec codec;
    private final Clock clock;
    private final String source;
    private final Timer latency;
    private final ScheduleDayWriter writer;
    private final CurrentSchedule current;
    private final PartitionTracker tracker;
    private final ReplayGate gate;
    private final ScheduleDecisions decisions;
    private final TimeShiftedChannels timeShifted;

    public OverrideService(EntityManager em, Outbox outbox, CloudEventCodec codec, Clock clock, ContinuityConfig config, MeterRegistry metrics,
            ScheduleDayWriter writer, CurrentSchedule current, PartitionTracker tracker, ReplayGate gate, ScheduleDecisions decisions,
            TimeShiftedChannels timeShifted) {
        this.timeShifted = timeShifted;
        this.gate = gate;
        this.decisions = decisions;
        this.em = em;
        this.tracker = tracker;
        this.current = current;
        this.writer = writer;
        this.latency = Timer.builder("continuity.override.latency").description("an override's request time (ce_time) to its application")
                .publishPercentileHistogram().register(metrics);
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.source = config.source();
    }

    /**
     * Applies, keeps or rejects the override command, and records what became of it (a decision on
     * {@code continuity.schedule-decisions}). A rebuild replaying recorded decisions does what the live run did with the
     * command, at the time it did.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedEventException.class)
    public void apply(OverrideRequested request, Instant requestedAt, String eventId, String position) {
        Optional<ScheduleDecided> recorded = gate.overrideDecision(position);
        Instant now = recorded.map(ScheduleDecided::decidedAt).orElseGet(clock::instant);
        ScheduleDecided.Outcome outcome;
        try {
            outcome = decide(request, requestedAt, recorded.orElse(null), now);
        } catch (RejectedEventException e) {
            decided(request, eventId, position, recorded, now, ScheduleDecided.Outcome.REJECTED, e.rejection());
            throw e;
        }
        decided(request, eventId, position, recorded, now, outcome, null);
    }

    private void decided(OverrideRequested request, String eventId, String position, Optional<ScheduleDecided> recorded, Instant now,
            ScheduleDecided.Outcome outcome, io.continuity.events.Rejection rejection) {
        if (recorded.isPresent()) {
            decisions.replayed(recorded.get());
        } else {
            decisions.overrideDecided(request.channelId(), request.overrideId(), eventId, position, now, outcome, rejection);
        }
    }

    private ScheduleDecided.Outcome decide(OverrideRequested request, Instant requestedAt, ScheduleDecided recorded, Instant now) {
        ScheduleDecided.Outcome was = recorded == null ? null : recorded.outcome();
        if (was == ScheduleDecided.Outcome.REJECTED && recorded.rejection() != null) {
            // replaying: rejected as the live run rejected it, whatever this instance has applied so far
            throw new RejectedEventException(recorded.rejection());
        }
        ChannelEntity channel = em.find(ChannelEntity.class, request.channelId(), LockModeType.PESSIMISTIC_WRITE);
        if (channel == null && (was != null || !tracker.caughtUp())) {
            // catching up, or replaying a command the live run applied or kept: its channel comes later in the log
            throw new AwaitingInput("channel " + request.channelId() + " of override " + request.overrideId() + " is not applied yet");
        }
        if (channel == null || channel.retired) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "channel_id", "no live channel " + request.channelId());
        }
        if (channel.isTimeShifted()) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "channel_id", "channel " + channel.slug + " is a time-shifted copy of "
                    + channel.timeShiftSourceId + " and follows its overrides; override the source channel");
        }
        Versions.check(request.expectedVersion(), channel.playlogVersion, "the playlog of channel " + channel.slug);
        if (PlaylogOverrideEntity.findById(request.overrideId()) != null) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "override_id", "override " + request.overrideId() + " already exists");
        }
        OverrideRequests.validateShape(request);
        if (was == ScheduleDecided.Outcome.KEPT || (recorded == null && !tracker.caughtUp())) {
            // still reading the log (start-up, rebuild): the day it names may not be resolved yet
            keep(channel, request, requestedAt, "still catching up with the log");
            return ScheduleDecided.Outcome.KEPT;
        }
        try {
            effect(channel, request, requestedAt, null, now);
        } catch (RejectedEventException e) {
            if (e.rejection().code() == ReasonCode.UNKNOWN_REFERENCE && resolutionPending(channel.id)) {
                keep(channel, request, requestedAt, "what it names is not resolved yet and a resolution of the channel is pending");
                return ScheduleDecided.Outcome.KEPT;
            }
            throw e;
        }
        channel.playlogVersion++;
        return ScheduleDecided.Outcome.APPLIED;
    }

    /** Keeps the override until its channel has been resolved; it is applied then, in order (see applyPending). */
    private void keep(ChannelEntity channel, OverrideRequested request, Instant requestedAt, String why) {
        newRecord(request, requestedAt).persist();
        channel.playlogVersion++;
        // a rebuild reads every override again: one line each would flood the log, so catching up logs at DEBUG
        LOG.logf(tracker.caughtUp() ? Logger.Level.INFO : Logger.Level.DEBUG, "Override %s on %s kept until the channel is resolved: %s",
                request.overrideId(), channel.slug, why);
    }

    private boolean resolutionPending(UUID channelId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM resolution_request WHERE channel_id = ?1").setParameter(1, channelId)
                .getSingleResult()).longValue() > 0;
    }

    /**
     * Applies the channel's overrides that were kept while this instance caught up with the log, in log order, to the
     * days just resolved. One whose target or day cannot be found now is refused (status REJECTED, with the reason).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPending(UUID channelId, Instant now) {
        List<PlaylogOverrideEntity> pending = PlaylogOverrideEntity.list("channelId = ?1 and status = 'PENDING' order by sequenceNo", channelId);
        if (pending.isEmpty()) {
            return;
        }
        ChannelEntity channel = em.find(ChannelEntity.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        for (PlaylogOverrideEntity record : pending) {
            try {
                effect(channel, record.asRequest(), record.requestedAt, record, now);
            } catch (RejectedEventException e) {
                record.status = "REJECTED";
                record.rejectionReason = e.rejection().code().name() + "\t" + (e.rejection().field() == null ? "" : e.rejection().field()) + "\t"
                        + e.rejection().detail();
                LOG.warnf("Override %s on %s, kept while catching up, could not be applied: %s", record.id, channel.slug, record.rejectionReason);
            }
        }
    }

    /** The override's effect: the day's next version with the override on top, the applied record, the outbox. */
    private void effect(ChannelEntity channel, OverrideRequested request, Instant requestedAt, PlaylogOverrideEntity kept, Instant now) {
        Target target = locate(request);
        OverrideSpec spec = spec(request, target);
        List<ResolvedEvent> before = target.events();
        OverrideLayer.Applied change = OverrideLayer.apply(before, spec);
        PlaylogOverrideEntity record = kept != null ? kept : newRecord(request, requestedAt);
        fix(record, spec, target.day());
        if (kept == null) {
            record.persist();
        }
        em.flush();
        Map<UUID, UUID> overrideOf = new HashMap<>();
        target.rows().stream().filter(r -> r.overrideId != null).forEach(r -> overrideOf.put(r.uuid, r.overrideId));
        target.rows().forEach(em::detach); // only read: the new version gets new rows
        change.added().forEach(e -> overrideOf.put(e.uuid(), request.overrideId()));
        overrideOf.keySet().retainAll(change.events().stream().map(ResolvedEvent::uuid).collect(java.util.stream.Collectors.toSet()));
        BroadcastScheduleDayEntity day = target.day();
        ResolvedDay next = new ResolvedDay(channel.id, day.broadcastDay, day.dayStartUtc, day.dayEndUtc, day.seed, change.events(), List.of(),
                day.planLineage == null ? List.of() : day.planLineage);
        BroadcastScheduleDayEntity version = writer.write(new ScheduleDayWriter.DayVersion(next, day.seedGeneration, 0, overrideOf,
                List.of("override:" + request.overrideId()), day.decisions), day, before, now);
        timeShifted.follow(channel, List.of(new TimeShiftedChannels.SourceVersion(version.broadcastDay, version.dayStartUtc, version.dayEndUtc,
                version.version, List.of("override:" + request.overrideId()))), now);
        record.status = "APPLIED";
        record.appliedAt = now;
        record.supersededEventUuids = change.superseded();
        record.appliedVersion = version.version;
        long playlogVersion = channel.playlogVersion + (kept == null ? 1 : 0);
        OverrideApplied applied = new OverrideApplied(request.overrideId(), channel.id, request.action(), "APPLIED", playlogVersion,
                change.superseded(), change.added().stream().map(PlaylogMapping::toPayload).toList(), now);
        outbox.enqueue(codec.encode(applied, channel.id.toString(), "applied-" + request.overrideId(), now, source));
        Duration waited = Duration.between(requestedAt, now);
        TransactionCommit.after(() -> latency.record(waited.isNegative() ? Duration.ZERO : waited));
        LOG.infof("Override %s on %s (%s by %s, \"%s\"): superseded %d events, added %d; %s version %d, playlog version %d",
                request.action(), channel.slug, request.overrideId(), request.requestedBy(), request.reason(), change.superseded().size(),
                change.added().size(), day.broadcastDay, version.version, playlogVersion);
    }

    /** The current version of the day the override acts on, its events, and the event it names (if any). */
    private record Target(BroadcastScheduleDayEntity day, List<BroadcastPlaylogEventEntity> rows, ResolvedEvent event) {
        List<ResolvedEvent> events() {
            return rows.stream().map(PlaylogMapping::toResolved).toList();
        }
    }

    private Target locate(OverrideRequested request) {
        if (request.targetEventUuid() != null) {
            Optional<BroadcastPlaylogEventEntity> hit = current.event(request.channelId(), request.targetEventUuid());
            if (hit.isEmpty() && pinnable(request)) {
                return pinned(request);
            }
            BroadcastPlaylogEventEntity event = hit.orElseThrow(() -> new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE,
                    "target_event_uuid", "no current playlog event " + request.targetEventUuid() + " on this channel"));
            BroadcastScheduleDayEntity day = BroadcastScheduleDayEntity.findById(event.scheduleDayId);
            return new Target(day, BroadcastPlaylogEventEntity.effectiveOfDay(day.id), PlaylogMapping.toResolved(event));
        }
        BroadcastScheduleDayEntity day = current.dayCovering(request.channelId(), request.startUtc())
                .orElseThrow(() -> new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "start_utc",
                        "no resolved schedule on this channel at " + request.startUtc()));
        return new Target(day, BroadcastPlaylogEventEntity.effectiveOfDay(day.id), null);
    }

    /** A REPLACE or CANCEL that names its target's window too can act on that window when the event is gone. */
    private static boolean pinnable(OverrideRequested request) {
        OverrideAction action = request.action();
        return (action == OverrideAction.REPLACE || action == OverrideAction.CANCEL) && request.startUtc() != null && request.endUtc() != null;
    }

    /**
     * The target's window as the request names it: the event it names is not in the current schedule (a rebuild whose
     * schedule differs inside a past lock window), so the override acts on the window, as an override whose target a
     * newer resolution no longer has does.
     */
    private Target pinned(OverrideRequested request) {
        BroadcastScheduleDayEntity day = current.dayCovering(request.channelId(), request.startUtc())
                .orElseThrow(() -> new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "start_utc",
                        "no resolved schedule on this channel at " + request.startUtc()));
        LOG.infof("Override %s names event %s, which the current schedule does not have; it acts on the window %s .. %s",
                request.overrideId(), request.targetEventUuid(), request.startUtc(), request.endUtc());
        ResolvedEvent window = new ResolvedEvent(request.targetEventUuid(), null, io.continuity.resolver.core.EventKind.GAP,
                request.startUtc(), request.endUtc(), 0, null, null, null, List.of());
        return new Target(day, BroadcastPlaylogEventEntity.effectiveOfDay(day.id), window);
    }

    /** The override as an input of resolution: its target's window and its asset's window, fixed now. */
    private static OverrideSpec spec(OverrideRequested request, Target target) {
        OverrideAction action = request.action();
        ResolvedEvent t = target.event();
        OverrideSpec.Target pinned = t == null ? null
                : new OverrideSpec.Target(t.uuid(), t.start(), t.end(), t.assetUuid(), t.title(), t.assignmentId(), t.planId());
        OverrideAction.Resume resume = OverrideRequests.resume(request);
        return switch (action) {
            case REPLACE -> {
                CatalogAssetEntity asset = eligibleAsset(request.assetUuid());
                yield new OverrideSpec(request.overrideId(), action, resume, new OverrideSpec.Asset(asset.uuid, asset.title, asset.durationMs),
                        t.start(), t.end(), pinned);
            }
            case CANCEL -> new OverrideSpec(request.overrideId(), action, resume, null, t.start(), t.end(), pinned);
            case INSERT -> {
                CatalogAssetEntity asset = eligibleAsset(request.assetUuid());
                Instant end = request.endUtc() != null ? request.endUtc() : request.startUtc().plusMillis(asset.durationMs);
                checkWithinDay(target.day(), request.startUtc(), end);
                yield new OverrideSpec(request.overrideId(), action, resume, new OverrideSpec.Asset(asset.uuid, asset.title, asset.durationMs),
                        request.startUtc(), end, null);
            }
            case RETIME -> {
                if (t.assetUuid() == null) {
                    throw new RejectedEventException(ReasonCode.INVALID_VALUE, "target_event_uuid", "a gap (slate) cannot be retimed");
                }
                Instant end = request.endUtc() != null ? request.endUtc() : request.startUtc().plus(Duration.between(t.start(), t.end()));
                checkWithinDay(target.day(), request.startUtc(), end);
                yield new OverrideSpec(request.overrideId(), action, resume,
                        new OverrideSpec.Asset(t.assetUuid(), t.title(), Duration.between(t.start(), t.end()).toMillis()), request.startUtc(), end,
                        pinned);
            }
        };
    }

    private static void checkWithinDay(BroadcastScheduleDayEntity day, Instant start, Instant end) {
        if (end.isAfter(day.dayEndUtc)) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "end_utc", "must not run past the end of broadcast day "
                    + day.broadcastDay + " (" + day.dayEndUtc + "); send one override per day");
        }
        if (start.isBefore(day.dayStartUtc)) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "start_utc", "must not start before broadcast day " + day.broadcastDay);
        }
    }

    private static CatalogAssetEntity eligibleAsset(UUID uuid) {
        CatalogAssetEntity asset = CatalogAssetEntity.findById(uuid);
        if (asset == null) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "asset_uuid", "no asset " + uuid);
        }
        if (!asset.eligible()) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "asset_uuid", "asset " + uuid + " is not ready, approved and live");
        }
        return asset;
    }

    private static PlaylogOverrideEntity newRecord(OverrideRequested r, Instant requestedAt) {
        PlaylogOverrideEntity o = new PlaylogOverrideEntity();
        o.id = r.overrideId();
        o.channelId = r.channelId();
        o.action = r.action();
        o.targetEventUuid = r.targetEventUuid();
        o.assetUuid = r.assetUuid();
        o.startUtc = r.startUtc();
        o.endUtc = r.endUtc();
        o.resume = r.resume();
        o.reason = r.reason();
        o.requestedBy = r.requestedBy();
        o.expectedVersion = r.expectedVersion();
        o.status = "PENDING";
        o.requestedAt = requestedAt;
        return o;
    }

    /** What the override's later applications need, fixed now: its day, its target's window, its asset and window. */
    private static void fix(PlaylogOverrideEntity o, OverrideSpec spec, BroadcastScheduleDayEntity day) {
        o.broadcastDay = day.broadcastDay;
        o.assetUuid = spec.asset() == null ? null : spec.asset().uuid();
        o.assetTitle = spec.asset() == null ? null : spec.asset().title();
        o.assetDurationMs = spec.asset() == null ? null : spec.asset().durationMs();
        o.effectiveEndUtc = spec.action() == OverrideAction.INSERT || spec.action() == OverrideAction.RETIME ? spec.airEnd() : null;
        if (spec.target() != null) {
            o.targetStartUtc = spec.target().start();
            o.targetEndUtc = spec.target().end();
            o.targetAssetUuid = spec.target().assetUuid();
            o.targetTitle = spec.target().title();
            o.targetAssignmentId = spec.target().assignmentId();
            o.targetPlanId = spec.target().planId();
        }
    }
}
