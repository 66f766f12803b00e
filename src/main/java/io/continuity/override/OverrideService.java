package io.continuity.override;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.catalog.CatalogAssetEntity;
import io.continuity.channel.ChannelEntity;
import io.continuity.common.Versions;
import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.OverrideApplied;
import io.continuity.events.OverrideRequested;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.messaging.Outbox;
import io.continuity.messaging.TransactionCommit;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.playlog.PlaylogMapping;
import io.continuity.playlog.ScheduleDayWriter;
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

    public OverrideService(EntityManager em, Outbox outbox, CloudEventCodec codec, Clock clock, ContinuityConfig config, MeterRegistry metrics,
            ScheduleDayWriter writer, CurrentSchedule current) {
        this.em = em;
        this.current = current;
        this.writer = writer;
        this.latency = Timer.builder("continuity.override.latency").description("an override's request time (ce_time) to its application")
                .publishPercentileHistogram().register(metrics);
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.source = config.source();
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedEventException.class)
    public void apply(OverrideRequested request, Instant requestedAt, String eventId) {
        ChannelEntity channel = em.find(ChannelEntity.class, request.channelId(), LockModeType.PESSIMISTIC_WRITE);
        if (channel == null || channel.retired) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "channel_id", "no live channel " + request.channelId());
        }
        Versions.check(request.expectedVersion(), channel.playlogVersion, "the playlog of channel " + channel.slug);
        if (PlaylogOverrideEntity.findById(request.overrideId()) != null) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "override_id", "override " + request.overrideId() + " already exists");
        }
        OverrideRequests.validateShape(request);
        Instant now = clock.instant();
        Target target = locate(request);
        OverrideSpec spec = spec(request, target);
        List<ResolvedEvent> before = target.events();
        OverrideLayer.Applied change = OverrideLayer.apply(before, spec);
        PlaylogOverrideEntity record = store(request, requestedAt, spec, target.day());
        Map<UUID, UUID> overrideOf = new HashMap<>();
        target.rows().stream().filter(r -> r.overrideId != null).forEach(r -> overrideOf.put(r.uuid, r.overrideId));
        target.rows().forEach(em::detach); // only read: the new version gets new rows
        change.added().forEach(e -> overrideOf.put(e.uuid(), request.overrideId()));
        overrideOf.keySet().retainAll(change.events().stream().map(ResolvedEvent::uuid).collect(java.util.stream.Collectors.toSet()));
        BroadcastScheduleDayEntity day = target.day();
        ResolvedDay next = new ResolvedDay(channel.id, day.broadcastDay, day.dayStartUtc, day.dayEndUtc, day.seed, change.events(), List.of(),
                day.planLineage == null ? List.of() : day.planLineage);
        BroadcastScheduleDayEntity version = writer.write(new ScheduleDayWriter.DayVersion(next, day.seedGeneration, 0, overrideOf,
                List.of("override:" + (eventId == null ? request.overrideId() : eventId)), day.decisions), day, before, now);
        channel.playlogVersion++;
        record.status = "APPLIED";
        record.appliedAt = now;
        record.supersededEventUuids = change.superseded();
        record.appliedVersion = version.version;
        OverrideApplied applied = new OverrideApplied(request.overrideId(), channel.id, request.action(), "APPLIED", channel.playlogVersion,
                change.superseded(), change.added().stream().map(PlaylogMapping::toPayload).toList(), now);
        outbox.enqueue(codec.encode(applied, channel.id.toString(), "applied-" + request.overrideId(), now, source));
        Duration waited = Duration.between(requestedAt, now);
        TransactionCommit.after(() -> latency.record(waited.isNegative() ? Duration.ZERO : waited));
        LOG.infof("Override %s on %s (%s by %s, \"%s\"): superseded %d events, added %d; %s version %d, playlog version %d",
                request.action(), channel.slug, request.overrideId(), request.requestedBy(), request.reason(), change.superseded().size(),
                change.added().size(), day.broadcastDay, version.version, channel.playlogVersion);
    }

    /** The current version of the day the override acts on, its events, and the event it names (if any). */
    private record Target(BroadcastScheduleDayEntity day, List<BroadcastPlaylogEventEntity> rows, ResolvedEvent event) {
        List<ResolvedEvent> events() {
            return rows.stream().map(PlaylogMapping::toResolved).toList();
        }
    }

    private Target locate(OverrideRequested request) {
        if (request.targetEventUuid() != null) {
            BroadcastPlaylogEventEntity hit = current.event(request.channelId(), request.targetEventUuid())
                    .orElseThrow(() -> new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "target_event_uuid",
                            "no current playlog event " + request.targetEventUuid() + " on this channel"));
            BroadcastScheduleDayEntity day = BroadcastScheduleDayEntity.findById(hit.scheduleDayId);
            return new Target(day, BroadcastPlaylogEventEntity.effectiveOfDay(day.id), PlaylogMapping.toResolved(hit));
        }
        BroadcastScheduleDayEntity day = current.dayCovering(request.channelId(), request.startUtc())
                .orElseThrow(() -> new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "start_utc",
                        "no resolved schedule on this channel at " + request.startUtc()));
        return new Target(day, BroadcastPlaylogEventEntity.effectiveOfDay(day.id), null);
    }

    /** The override as an input of resolution: its target's window and its asset's window, fixed now. */
    private static OverrideSpec spec(OverrideRequested request, Target target) {
        OverrideAction action = OverrideAction.valueOf(request.action());
        ResolvedEvent t = target.event();
        OverrideSpec.Target pinned = t == null ? null
                : new OverrideSpec.Target(t.uuid(), t.start(), t.end(), t.assetUuid(), t.title(), t.assignmentId(), t.planId());
        OverrideAction.Resume resume = "JOIN_IN_PROGRESS".equals(request.resume()) ? OverrideAction.Resume.JOIN_IN_PROGRESS
                : OverrideAction.Resume.NEXT_EVENT;
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

    private PlaylogOverrideEntity store(OverrideRequested r, Instant requestedAt, OverrideSpec spec, BroadcastScheduleDayEntity day) {
        PlaylogOverrideEntity o = new PlaylogOverrideEntity();
        o.id = r.overrideId();
        o.channelId = r.channelId();
        o.action = r.action();
        o.targetEventUuid = r.targetEventUuid();
        o.assetUuid = spec.asset() == null ? null : spec.asset().uuid();
        o.startUtc = r.startUtc();
        o.endUtc = r.endUtc();
        o.resume = r.resume();
        o.reason = r.reason();
        o.requestedBy = r.requestedBy();
        o.expectedVersion = r.expectedVersion();
        o.status = "PENDING";
        o.requestedAt = requestedAt;
        o.broadcastDay = day.broadcastDay;
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
        o.persist();
        em.flush();
        return o;
    }
}
