package io.continuity.override;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import io.continuity.playlog.PlaylogMapping;
import io.continuity.resolver.core.ResolvedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Applies a last-minute override to the current playlog, frozen events included. The override row is stored first;
 * superseded events stay in their ScheduleDay, marked; the new events join the same ScheduleDay; the channel's
 * playlog version moves on (the optimistic-concurrency check of the next override); and
 * {@code continuity.override.applied.v1} goes to the outbox — one transaction.
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

    public OverrideService(EntityManager em, Outbox outbox, CloudEventCodec codec, Clock clock, ContinuityConfig config, MeterRegistry metrics) {
        this.em = em;
        this.latency = Timer.builder("continuity.override.latency").description("an override's request time (ce_time) to its application")
                .publishPercentileHistogram().register(metrics);
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.source = config.source();
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedEventException.class)
    public void apply(OverrideRequested request, Instant requestedAt) {
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
        OverrideTimeline.Change change = change(request, target);
        PlaylogOverrideEntity record = store(request, requestedAt);
        for (BroadcastPlaylogEventEntity row : target.rows()) {
            if (change.superseded().contains(row.uuid)) {
                row.overridden = true;
                row.overrideId = request.overrideId();
            } else {
                em.detach(row); // only read: an unchanged row must not be dirty-checked, let alone written again
            }
        }
        for (ResolvedEvent e : change.added()) {
            PlaylogMapping.toEntity(e, target.day(), true, request.overrideId(), now).persist();
        }
        channel.playlogVersion++;
        record.status = "APPLIED";
        record.appliedAt = now;
        OverrideApplied applied = new OverrideApplied(request.overrideId(), channel.id, request.action(), "APPLIED", channel.playlogVersion,
                change.superseded(), change.added().stream().map(PlaylogMapping::toPayload).toList(), now);
        outbox.enqueue(codec.encode(applied, channel.id.toString(), "applied-" + request.overrideId(), now, source));
        Duration waited = Duration.between(requestedAt, now);
        TransactionCommit.after(() -> latency.record(waited.isNegative() ? Duration.ZERO : waited));
        LOG.infof("Override %s on %s (%s by %s, \"%s\"): superseded %d events, added %d; playlog version %d", request.action(),
                channel.slug, request.overrideId(), request.requestedBy(), request.reason(), change.superseded().size(), change.added().size(),
                channel.playlogVersion);
    }

    /** The day the override acts on and its effective events. */
    private record Target(BroadcastScheduleDayEntity day, List<BroadcastPlaylogEventEntity> rows, ResolvedEvent event) {
        List<ResolvedEvent> events() {
            return rows.stream().map(PlaylogMapping::toResolved).toList();
        }
    }

    private Target locate(OverrideRequested request) {
        if (request.targetEventUuid() != null) {
            List<BroadcastPlaylogEventEntity> hits = BroadcastPlaylogEventEntity.find("""
                    select e from BroadcastPlaylogEventEntity e, BroadcastScheduleDayEntity d
                    where d.id = e.scheduleDayId and d.supersededAt is null and e.overridden = false and e.uuid = ?1 and e.channelId = ?2""",
                    request.targetEventUuid(), request.channelId()).list();
            if (hits.isEmpty()) {
                throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "target_event_uuid",
                        "no current playlog event " + request.targetEventUuid() + " on this channel");
            }
            BroadcastScheduleDayEntity day = BroadcastScheduleDayEntity.findById(hits.get(0).scheduleDayId);
            return new Target(day, BroadcastPlaylogEventEntity.effectiveOfDay(day.id), PlaylogMapping.toResolved(hits.get(0)));
        }
        BroadcastScheduleDayEntity day = BroadcastScheduleDayEntity.<BroadcastScheduleDayEntity>find(
                "channelId = ?1 and supersededAt is null and dayStartUtc <= ?2 and dayEndUtc > ?2", request.channelId(), request.startUtc())
                .firstResultOptional().orElseThrow(() -> new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "start_utc",
                        "no resolved schedule on this channel at " + request.startUtc()));
        return new Target(day, BroadcastPlaylogEventEntity.effectiveOfDay(day.id), null);
    }

    private OverrideTimeline.Change change(OverrideRequested request, Target target) {
        OverrideTimeline timeline = new OverrideTimeline(request.overrideId());
        return switch (request.action()) {
            case "REPLACE" -> {
                CatalogAssetEntity asset = eligibleAsset(request.assetUuid());
                yield timeline.replace(target.event(), asset.uuid, asset.durationMs, asset.title);
            }
            case "CANCEL" -> timeline.cancel(target.event());
            case "INSERT" -> {
                CatalogAssetEntity asset = eligibleAsset(request.assetUuid());
                Instant end = request.endUtc() != null ? request.endUtc() : request.startUtc().plusMillis(asset.durationMs);
                checkWithinDay(target.day(), request.startUtc(), end);
                yield timeline.insert(target.events(), asset.uuid, request.startUtc(), end, resume(request), asset.title);
            }
            case "RETIME" -> {
                Instant end = request.endUtc() != null ? request.endUtc()
                        : request.startUtc().plus(java.time.Duration.between(target.event().start(), target.event().end()));
                checkWithinDay(target.day(), request.startUtc(), end);
                yield timeline.retime(target.events(), target.event(), request.startUtc(), end);
            }
            default -> throw new RejectedEventException(ReasonCode.INVALID_VALUE, "action", "unknown action " + request.action());
        };
    }

    private static OverrideTimeline.Resume resume(OverrideRequested request) {
        return "JOIN_IN_PROGRESS".equals(request.resume()) ? OverrideTimeline.Resume.JOIN_IN_PROGRESS : OverrideTimeline.Resume.NEXT_EVENT;
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

    private PlaylogOverrideEntity store(OverrideRequested r, Instant requestedAt) {
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
        o.persist();
        em.flush();
        return o;
    }
}
