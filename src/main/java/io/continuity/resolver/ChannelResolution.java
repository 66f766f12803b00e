package io.continuity.resolver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.alert.Alerts;
import io.continuity.channel.ChannelEntity;
import io.continuity.config.ContinuityConfig;
import io.continuity.plan.SchedulePlanBlockAssignmentEntity;
import io.continuity.plan.SchedulePlanEntity;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.playlog.PlaylogMapping;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.CatalogView;
import io.continuity.resolver.core.ChannelGrid;
import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.Decision;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.InMemoryPlayHistory;
import io.continuity.resolver.core.PlanSpec;
import io.continuity.resolver.core.PlayHistory;
import io.continuity.resolver.core.ResolveRequest;
import io.continuity.resolver.core.ResolvedDay;
import io.continuity.resolver.core.ResolvedEvent;
import io.continuity.resolver.core.Resolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Re-resolves one channel's horizon (today + {@code continuity.horizon.days}) in one transaction, holding the
 * channel's row lock so no other instance resolves it at the same time. Events starting before now + the lock
 * window stay frozen; a day whose new resolution equals its current version is left alone (no new version).
 */
@ApplicationScoped
public class ChannelResolution {

    private static final Logger LOG = Logger.getLogger(ChannelResolution.class);
    private static final int HISTORY_DAYS = 28;
    /** Decisions worth a log line even when they are not warnings: why a gap, why rules were relaxed, what was dropped. */
    private static final java.util.Set<Decision.Kind> EXPLAINED = java.util.EnumSet.of(Decision.Kind.GAP, Decision.Kind.REPEAT_RELAXED,
            Decision.Kind.SCARCITY, Decision.Kind.DROPPED, Decision.Kind.SKIPPED, Decision.Kind.FALLBACK, Decision.Kind.WRAPPED,
            Decision.Kind.UNASSIGNED, Decision.Kind.DAY_LENGTH);

    private final EntityManager em;
    private final CatalogSnapshots catalogs;
    private final ScheduleDayWriter writer;
    private final ResolutionRequests requests;
    private final ContinuityConfig config;
    private final Timer timer;
    private final Alerts alerts;
    private final Resolver resolver = new Resolver();

    public ChannelResolution(EntityManager em, CatalogSnapshots catalogs, ScheduleDayWriter writer, ResolutionRequests requests,
            ContinuityConfig config, MeterRegistry metrics, Alerts alerts) {
        this.alerts = alerts;
        this.em = em;
        this.catalogs = catalogs;
        this.writer = writer;
        this.requests = requests;
        this.config = config;
        this.timer = Timer.builder("continuity.resolve.duration").description("one channel's horizon resolved").register(metrics);
    }

    /** Resolves the channel's horizon as of {@code now}; returns how many new ScheduleDay versions were stored. */
    @Transactional
    public int resolve(UUID channelId, Instant now, Instant requestSeen, String reason) {
        ChannelEntity channel = em.find(ChannelEntity.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (requestSeen != null) {
            requests.done(channelId, requestSeen);
        }
        if (channel == null || channel.retired) {
            return 0;
        }
        return timer.record(() -> resolveHorizon(channel, now, reason));
    }

    private int resolveHorizon(ChannelEntity channel, Instant now, String reason) {
        ChannelSpec spec = CoreMapping.channel(channel);
        LocalDate today = BroadcastDays.broadcastDayOf(spec, now);
        List<PlanSpec> plans = plans(channel.id);
        CatalogView catalog = catalogs.current();
        PlayHistory history = history(channel.id, BroadcastDays.dayStart(spec, today), now);
        Instant lockEnd = now.plus(config.horizon().lockWindow());
        int written = 0;
        for (LocalDate day = today; !day.isAfter(today.plusDays(config.horizon().days())); day = day.plusDays(1)) {
            BroadcastScheduleDayEntity current = BroadcastScheduleDayEntity.current(channel.id, day).orElse(null);
            List<BroadcastPlaylogEventEntity> rows = current == null ? List.of() : BroadcastPlaylogEventEntity.effectiveOfDay(current.id);
            List<ResolvedEvent> currentEvents = rows.stream().map(PlaylogMapping::toResolved).toList();
            List<ResolvedEvent> frozen = frozenPrefix(spec, currentEvents, max(lockEnd, overriddenUntil(rows)), now);
            rows.forEach(em::detach); // only read here: kept out of the dirty checks of the flushes that follow
            ResolvedDay resolved = resolver.resolve(new ResolveRequest(spec, day, plans, catalog, history, channel.seedGeneration, frozen));
            history = history.plus(resolved);
            if (current != null && currentEvents.equals(resolved.events())) {
                continue;
            }
            BroadcastScheduleDayEntity stored = writer.write(resolved, current, frozen.size(), channel.seedGeneration, now);
            written++;
            alertOnFallback(channel, resolved, currentEvents.subList(frozen.size(), currentEvents.size()), catalog, now, stored.version);
            explain(channel, resolved, stored, frozen.size(), reason);
        }
        return written;
    }

    /** What {@code day} would resolve to now, without storing anything (the assignment preview). */
    @Transactional
    public ResolvedDay preview(UUID channelId, LocalDate day, Instant now) {
        ChannelEntity channel = em.find(ChannelEntity.class, channelId);
        ChannelSpec spec = CoreMapping.channel(channel);
        PlayHistory history = history(channel.id, BroadcastDays.dayStart(spec, day), now);
        return resolver.resolve(new ResolveRequest(spec, day, plans(channelId), catalogs.current(), history, channel.seedGeneration,
                List.of()));
    }

    /** Scheduled assets that are no longer eligible were just replaced: say so, once per day version and asset. */
    private void alertOnFallback(ChannelEntity channel, ResolvedDay day, List<ResolvedEvent> replaced, CatalogView catalog, Instant now,
            int version) {
        replaced.stream().map(ResolvedEvent::assetUuid).filter(java.util.Objects::nonNull).distinct()
                .filter(asset -> catalog.asset(asset).map(a -> !a.eligible()).orElse(true))
                .forEach(asset -> {
                    long events = replaced.stream().filter(e -> asset.equals(e.assetUuid())).count();
                    alerts.raise(channel.id, Alerts.Kind.FALLBACK_APPLIED, Alerts.Severity.WARNING, day.broadcastDay(),
                            "asset " + asset + " is no longer eligible; " + events + " scheduled events on " + day.broadcastDay()
                                    + " were re-resolved (alternative from the same assignment, then filler or default programming)",
                            java.util.Map.of("asset_uuid", asset.toString(), "events", events, "version", version), now,
                            day.broadcastDay() + "/" + asset + "/v" + version);
                });
    }

    /**
     * The events that start before the lock end stay as they are, and so does the rest of the grid block they end in
     * (up to the next event that starts on a grid boundary): re-resolution then resumes where the previous version also
     * started a block, so an unchanged plan reproduces the same continuation instead of re-choosing padding. A trailing
     * gap (slate) is shortened to the first grid boundary after now (or after its own start, when that is later; a slate
     * starting on a boundary is dropped): slate is a placeholder, and replacing it with real
     * content is always better, even inside the lock window (e.g. a day first resolved before its plans arrived).
     */
    static List<ResolvedEvent> frozenPrefix(ChannelSpec spec, List<ResolvedEvent> events, Instant lockEnd, Instant now) {
        ChannelGrid grid = new ChannelGrid(spec);
        List<ResolvedEvent> frozen = new ArrayList<>();
        for (ResolvedEvent e : events) {
            boolean beforeLock = e.start().isBefore(lockEnd);
            if (!beforeLock && (frozen.isEmpty() || grid.isBoundary(e.start()))) {
                break;
            }
            frozen.add(e);
        }
        if (!frozen.isEmpty() && frozen.get(frozen.size() - 1).kind() == EventKind.GAP) {
            ResolvedEvent last = frozen.get(frozen.size() - 1);
            // the first boundary after now, or after the slate's start when it starts later: a slate that starts on a
            // boundary is not kept at all, one that starts between boundaries is kept up to the next one
            Instant cut = grid.nextBoundaryAtOrAfter(max(now, last.start()));
            if (!cut.isAfter(last.start())) {
                frozen.remove(frozen.size() - 1);
            } else if (cut.isBefore(last.end())) {
                frozen.set(frozen.size() - 1, new ResolvedEvent(last.uuid(), null, EventKind.GAP, last.start(), cut, 0, last.assignmentId(),
                        last.planId(), last.title(), last.fallback()));
            }
        }
        return frozen;
    }

    private List<PlanSpec> plans(UUID channelId) {
        List<SchedulePlanBlockAssignmentEntity> assignments = SchedulePlanBlockAssignmentEntity.ofChannel(channelId);
        return SchedulePlanEntity.ofChannel(channelId).stream()
                .map(p -> CoreMapping.plan(p, assignments.stream().filter(a -> a.planId.equals(p.id)).toList()))
                .toList();
    }

    /**
     * What was scheduled on this channel in the weeks before {@code before}, and what aired on it in those weeks and
     * since, up to {@code now} (today's as-run counts too): drives rotation and sequence.
     */
    private PlayHistory history(UUID channelId, Instant before, Instant now) {
        InMemoryPlayHistory history = InMemoryPlayHistory.empty();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.asset_uuid, e.start_utc FROM broadcast_playlog_event e
                JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id AND d.superseded_at IS NULL
                WHERE e.channel_id = ?1 AND e.start_utc < ?2 AND e.start_utc >= ?3 AND e.asset_uuid IS NOT NULL
                UNION ALL
                SELECT a.asset_uuid, a.actual_start_utc FROM as_run_log a
                WHERE a.channel_id = ?1 AND a.actual_start_utc < ?4 AND a.actual_start_utc >= ?3
                  AND a.status IN ('AIRED', 'TRUNCATED', 'SHORT', 'SUBSTITUTED')""", Object[].class)
                .setParameter(1, channelId).setParameter(2, before).setParameter(3, before.minus(java.time.Duration.ofDays(HISTORY_DAYS)))
                .setParameter(4, now)
                .getResultList();
        for (Object[] row : rows) {
            history = history.record((UUID) row[0], toInstant(row[1]));
        }
        return history;
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    /** An override freezes the schedule up to the end of the last event it produced: re-resolution never undoes it. */
    private static Instant overriddenUntil(List<BroadcastPlaylogEventEntity> rows) {
        return rows.stream().filter(e -> e.overrideId != null).map(e -> e.endUtc).max(Comparator.naturalOrder()).orElse(Instant.MIN);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void explain(ChannelEntity channel, ResolvedDay day, BroadcastScheduleDayEntity stored, int frozen, String reason) {
        long gaps = day.events().stream().filter(e -> e.kind() == EventKind.GAP).count();
        List<Decision> warnings = day.warnings();
        LOG.infof("Resolved %s %s as version %d (%s): %d events, %d frozen, %d gaps, %d warnings",
                channel.slug, day.broadcastDay(), stored.version, reason, day.events().size(), frozen, gaps, warnings.size());
        for (Decision d : warnings) {
            LOG.warnf("  %s %s %s: %s", channel.slug, day.broadcastDay(), d.kind(), d.message());
        }
        day.decisions().stream().filter(d -> !d.isWarning() && EXPLAINED.contains(d.kind()))
                .forEach(d -> LOG.infof("  %s %s %s at %s: %s", channel.slug, day.broadcastDay(), d.kind(), d.at(), d.message()));
        if (LOG.isDebugEnabled()) {
            day.decisions().forEach(d -> LOG.debugf("  %s %s %s at %s: %s", channel.slug, day.broadcastDay(), d.kind(), d.at(), d.message()));
        }
    }
}
