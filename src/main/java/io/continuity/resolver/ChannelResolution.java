package io.continuity.resolver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.alert.Alerts;
import io.continuity.config.ContinuityConfig;
import io.continuity.events.ScheduleDecided;
import io.continuity.inputs.ChannelEntity;
import io.continuity.messaging.Commands;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.playlog.PlaylogMapping;
import io.continuity.playlog.ScheduleDayWriter;
import io.continuity.playlog.ScheduleDayWriter.DayVersion;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.CatalogView;
import io.continuity.resolver.core.ChannelGrid;
import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.InMemoryPlayHistory;
import io.continuity.resolver.core.OverrideLayer;
import io.continuity.resolver.core.OverrideSpec;
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
    /** Every decision behind a stored version, at DEBUG: a category of its own, so the per-version lines can be had without them. */
    private static final Logger DECISIONS = Logger.getLogger("io.continuity.resolver.decisions");
    private static final int HISTORY_DAYS = 28;
    private static final int MINUTES_PER_DAY = 1440;

    private final EntityManager em;
    private final CatalogSnapshots catalogs;
    private final ScheduleDayWriter writer;
    private final ResolutionRequests requests;
    private final ContinuityConfig config;
    private final Timer timer;
    private final Alerts alerts;
    private final OverrideInputs overrides;
    private final jakarta.enterprise.event.Event<ChannelResolved> resolved;
    private final CurrentSchedule currentSchedule;
    private final ScheduleDecisions decisions;
    private final TimeShiftedChannels timeShifted;
    private final Resolver resolver = new Resolver();

    public ChannelResolution(EntityManager em, CatalogSnapshots catalogs, ScheduleDayWriter writer, ResolutionRequests requests,
            ContinuityConfig config, MeterRegistry metrics, Alerts alerts, OverrideInputs overrides, CurrentSchedule currentSchedule,
            jakarta.enterprise.event.Event<ChannelResolved> resolved, ScheduleDecisions decisions, TimeShiftedChannels timeShifted) {
        this.decisions = decisions;
        this.timeShifted = timeShifted;
        this.currentSchedule = currentSchedule;
        this.resolved = resolved;
        this.alerts = alerts;
        this.overrides = overrides;
        this.em = em;
        this.catalogs = catalogs;
        this.writer = writer;
        this.requests = requests;
        this.config = config;
        this.timer = Timer.builder("continuity.resolve.duration").description("one channel's horizon resolved").register(metrics);
    }

    /** What a resolution is asked to do: the days to re-resolve (null: every day of the horizon) and the inputs behind it. */
    public record Scope(Instant seen, String reason, Set<LocalDate> days, List<String> causes) {

        /**
         * This scope widened by the channel's request as the resolution's snapshot sees it: its days and causes are added
         * (an input the snapshot already sees is resolved and named now, not by a later resolution that finds nothing to change).
         */
        Scope with(ResolutionRequests.Pending seen) {
            if (seen == null) {
                return this;
            }
            Set<LocalDate> wider = days == null || seen.days() == null ? null
                    : java.util.stream.Stream.concat(days.stream(), seen.days().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
            List<String> named = java.util.stream.Stream.concat(causes.stream(), seen.causes().stream()).distinct().toList();
            return new Scope(this.seen, reason, wider, named.size() > ResolutionRequests.MAX_CAUSES
                    ? named.subList(named.size() - ResolutionRequests.MAX_CAUSES, named.size()) : named);
        }
    }

    /**
     * Resolves the channel's horizon as of {@code now}; returns how many new ScheduleDay versions were stored. The
     * transaction reads one snapshot (repeatable read), so the decision recorded with the versions names exactly the input
     * positions it saw (a concurrent change of the same rows makes it fail as a passing conflict, and it is tried again).
     */
    @Transactional
    public int resolve(UUID channelId, Instant now, Scope asked) {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
        ChannelEntity channel = em.find(ChannelEntity.class, channelId);
        if (channel == null || channel.retired) {
            return 0;
        }
        Scope scope = asked.seen() == null ? asked : asked.with(requests.seenBy(channelId));
        if (channel.isTimeShifted()) {
            int written = timer.record(() -> timeShifted.resolve(channel, now, causes(scope)));
            resolved.fire(new ChannelResolved(channelId, now));
            if (written > 0) {
                decisions.resolved(channelId, now, null, causes(scope), Set.of());
            }
            return written;
        }
        Set<UUID> notAired = notAired(channel, now);
        int written = timer.record(() -> resolveHorizon(channel, now, scope, notAired, true));
        boolean kept = overrides.hasPending(channelId);
        resolved.fire(new ChannelResolved(channelId, now));
        if (written > 0 || kept) {
            decisions.resolved(channelId, now, scope.days(), causes(scope), notAired);
        }
        return written;
    }

    /**
     * Makes a recorded decision again (a rebuild): the same days, causes and decision time, with the programmes the
     * live run counted as not aired; the inputs are where the decision saw them ({@link io.continuity.messaging.ReplayGate}).
     */
    @Transactional
    public int replay(ScheduleDecided decision) {
        ChannelEntity channel = em.find(ChannelEntity.class, decision.channelId(), LockModeType.PESSIMISTIC_WRITE);
        if (decisions.made(decision.decisionId())) {
            return 0;
        }
        decisions.replayed(decision);
        requests.cleared(decision.channelId());
        if (channel == null || channel.retired) {
            return 0;
        }
        Scope scope = new Scope(null, "replay", decision.days() == null ? null : Set.copyOf(decision.days()), decision.causes());
        if (channel.isTimeShifted()) {
            int written = timeShifted.resolve(channel, decision.decidedAt(), causes(scope));
            resolved.fire(new ChannelResolved(channel.id, decision.decidedAt()));
            return written;
        }
        int written = timer.record(() -> resolveHorizon(channel, decision.decidedAt(), scope, Set.copyOf(decision.notAired()), false));
        resolved.fire(new ChannelResolved(channel.id, decision.decidedAt()));
        return written;
    }

    private static List<String> causes(Scope scope) {
        return scope.causes().isEmpty() ? List.of(scope.reason()) : scope.causes();
    }

    /**
     * Each day of the horizon that the scope names, or that follows a day whose content just changed (rotation and
     * sequence carry over), is resolved from the inputs: the plans over the catalog and history, the frozen events of
     * the lock window, then every applied override of the day. A day that comes out equal to its current version is
     * left alone; a day the scope does not name is not resolved at all.
     *
     * <p>With {@code lockToWrite}, every day is resolved first, on the transaction's snapshot and without the channel's
     * row lock, and the lock is taken only to store the new versions: an override of the channel, which takes the same
     * lock, never waits for a resolution to compute (seconds under a catalog-wide re-resolution), only for it to write.
     * An override applied meanwhile updated the channel row, so taking the lock then fails as a serialisation conflict
     * and the resolution runs again on the newer inputs ({@code HorizonWorker}).
     */
    private int resolveHorizon(ChannelEntity channel, Instant now, Scope scope, Set<UUID> notAired, boolean lockToWrite) {
        Map<String, List<LocalDate>> warnings = new LinkedHashMap<>();
        CatalogView catalog = catalogs.current();
        List<Runnable> writes = new ArrayList<>();
        List<TimeShiftedChannels.SourceVersion> written = new ArrayList<>();
        walkHorizon(channel, now, scope.days(), notAired, catalog, null, step -> {
            if (step.resolved() == null) {
                return;
            }
            raisePinned(channel, step, now);
            if (!step.changed()) {
                return;
            }
            ResolvedDay resolved = step.resolved();
            writes.add(() -> {
                BroadcastScheduleDayEntity stored = writer.write(DayVersion.resolved(resolved, channel.seedGeneration, step.frozen(),
                        step.overrideOf(), causes(scope)), step.current(), step.currentEvents(), now);
                written.add(new TimeShiftedChannels.SourceVersion(stored.broadcastDay, stored.dayStartUtc, stored.dayEndUtc, stored.version,
                        causes(scope)));
                List<ResolvedEvent> current = step.currentEvents();
                alertOnFallback(channel, resolved, current.subList(Math.min(step.frozen(), current.size()), current.size()), catalog, now,
                        stored.version);
                explain(channel, resolved, stored, step.frozen(), scope.reason());
            });
            resolved.warnings().forEach(w -> warnings.computeIfAbsent(w.kind() + ": " + w.message(), k -> new ArrayList<>())
                    .add(resolved.broadcastDay()));
        });
        if (!writes.isEmpty() && lockToWrite) {
            em.lock(channel, LockModeType.PESSIMISTIC_WRITE);
        }
        writes.forEach(Runnable::run);
        timeShifted.follow(channel, written, now);
        warn(channel, warnings);
        return writes.size();
    }

    /**
     * One day as a resolution pass meets it: its current version and effective events, and, unless the pass leaves
     * the day alone ({@code resolved} null), what it resolves to with the overrides of the day applied ({@code applied}),
     * how many events are frozen, which overrides lost their event ({@code pinned}) and whether it differs from the
     * current version.
     */
    public record DayStep(LocalDate day, BroadcastScheduleDayEntity current, List<ResolvedEvent> currentEvents, ResolvedDay resolved,
            int frozen, Map<UUID, UUID> overrideOf, List<OverrideSpec> applied, List<OverrideSpec> pinned, boolean changed) {
    }

    /**
     * The resolution pass over the horizon (from today to the horizon end, or to {@code last} when that is later), one
     * {@link DayStep} per day handed to {@code sink} in day order. Reads only; what becomes of each day is the sink's.
     */
    private void walkHorizon(ChannelEntity channel, Instant now, Set<LocalDate> scopeDays, Set<UUID> notAired, CatalogView catalog,
            LocalDate last, java.util.function.Consumer<DayStep> sink) {
        ChannelSpec spec = CoreMapping.channel(channel);
        LocalDate today = BroadcastDays.broadcastDayOf(spec, now);
        List<PlanSpec> plans = ChannelInputs.plans(channel.id);
        PlayHistory history = history(channel.id, BroadcastDays.dayStart(spec, today), now, notAired);
        Instant lockEnd = now.plus(config.horizon().lockWindow());
        List<LocalDate> skipped = new ArrayList<>();
        boolean spans = plans.stream().flatMap(p -> p.assignments().stream()).anyMatch(a -> a.endMinute() > MINUTES_PER_DAY);
        LocalDate horizonEnd = today.plusDays(config.horizon().days());
        LocalDate end = last != null && last.isAfter(horizonEnd) ? last : horizonEnd;
        ResolvedDay previous = null;
        boolean earlierChanged = false;
        for (LocalDate day = today; !day.isAfter(end); day = day.plusDays(1)) {
            BroadcastScheduleDayEntity current = currentSchedule.day(channel.id, day).orElse(null);
            if (current != null && !earlierChanged && scopeDays != null && !scopeDays.contains(day)) {
                skipped.add(day);
                previous = null;
                sink.accept(new DayStep(day, current, null, null, 0, Map.of(), List.of(), List.of(), false));
                continue;
            }
            for (LocalDate passed : skipped) {
                history = history.plus(stillCounted(storedDay(spec, passed), notAired));
            }
            skipped.clear();
            List<BroadcastPlaylogEventEntity> rows = current == null ? List.of() : BroadcastPlaylogEventEntity.effectiveOfDay(current.id);
            List<ResolvedEvent> currentEvents = rows.stream().map(PlaylogMapping::toResolved).toList();
            Map<UUID, UUID> overrideOf = new HashMap<>();
            rows.stream().filter(r -> r.overrideId != null).forEach(r -> overrideOf.put(r.uuid, r.overrideId));
            rows.forEach(em::detach); // only read here: kept out of the dirty checks of the flushes that follow
            List<ResolvedEvent> frozen = frozenPrefix(spec, currentEvents, lockEnd, now);
            List<ResolvedEvent> carryIn = !spans ? List.of()
                    : previous != null ? previous.carryOut() : storedCarryOut(channel, spec, day.minusDays(1), plans, catalog, history);
            ResolvedDay base = resolver.resolve(new ResolveRequest(spec, day, plans, catalog, history, channel.seedGeneration, frozen, carryIn,
                    notAired));
            List<OverrideSpec> applied = overrides.ofDay(channel.id, day);
            List<OverrideSpec> pinned = new ArrayList<>();
            ResolvedDay resolved = withOverrides(base, applied, overrideOf, pinned);
            previous = resolved;
            history = history.plus(stillCounted(resolved, notAired));
            earlierChanged = current == null || !currentEvents.equals(resolved.events());
            sink.accept(new DayStep(day, current, currentEvents, resolved, frozen.size(), overrideOf, applied, pinned, earlierChanged));
        }
    }

    /** Distinct warnings of one kind logged one per line; more than this are summed up in one line. */
    private static final int WARNINGS_PER_KIND = 3;

    /**
     * One line per distinct warning of a resolution, with the days it concerns (a warning usually repeats day after day),
     * at most {@value #WARNINGS_PER_KIND} per kind: a channel whose every episode leaves a gap would otherwise log a line
     * per episode. The rest of a kind is one line with its count; every warning is in the day's decisions.
     */
    private static void warn(ChannelEntity channel, Map<String, List<LocalDate>> warnings) {
        Map<String, Integer> perKind = new HashMap<>();
        Map<String, List<LocalDate>> rest = new LinkedHashMap<>();
        warnings.forEach((warning, days) -> {
            String kind = warning.substring(0, Math.max(0, warning.indexOf(':')));
            if (perKind.merge(kind, 1, Integer::sum) <= WARNINGS_PER_KIND) {
                LOG.warnf("%s %s (%s)", channel.slug, warning, days(days));
            } else {
                rest.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(days);
            }
        });
        rest.forEach((kind, days) -> LOG.warnf("%s %s: %d more warnings like these (%s); all of them are in the days' decisions "
                + "(GET /api/v1/channels/%s/schedule-days/{day})", channel.slug, kind, perKind.get(kind) - WARNINGS_PER_KIND,
                days(days.stream().distinct().sorted().toList()), channel.id));
    }

    private static String days(List<LocalDate> days) {
        return days.size() == 1 ? days.get(0).toString() : days.size() + " days, " + days.get(0) + " .. " + days.get(days.size() - 1);
    }

    /** The resolved day with every applied override of the day on top, in the order they were applied. */
    private static ResolvedDay withOverrides(ResolvedDay base, List<OverrideSpec> applied, Map<UUID, UUID> overrideOf,
            List<OverrideSpec> pinned) {
        if (applied.isEmpty()) {
            overrideOf.clear();
            return base;
        }
        List<ResolvedEvent> events = OverrideLayer.applyAll(base.events(), applied, overrideOf, pinned);
        return new ResolvedDay(base.channelId(), base.broadcastDay(), base.dayStart(), base.dayEnd(), base.seed(), events, base.decisions(),
                base.planLineage(), base.carryOut());
    }

    /** An override whose event the newest resolution no longer has stays pinned to its window: say so, once per override. */
    private void raisePinned(ChannelEntity channel, DayStep step, Instant now) {
        for (OverrideSpec o : step.pinned()) {
            alerts.raise(channel.id, Alerts.Kind.OVERRIDE_PINNED, Alerts.Severity.WARNING, step.day(),
                    "override " + o.id() + " (" + o.action() + ") names event " + o.target().eventUuid() + ", which the newest resolution of "
                            + step.day() + " no longer has; the override stays pinned to its window " + o.target().start() + " .. "
                            + o.target().end(),
                    Map.of("override_id", o.id().toString(), "target_event_uuid", o.target().eventUuid().toString()), now,
                    "pinned/" + o.id());
        }
    }

    /**
     * What the day before carries over into {@code day}'s start when that day is not resolved in this pass: its stored
     * version kept whole as the frozen prefix, so the item in progress at the day end continues with the same choice.
     */
    private List<ResolvedEvent> storedCarryOut(ChannelEntity channel, ChannelSpec spec, LocalDate day, List<PlanSpec> plans,
            CatalogView catalog, PlayHistory history) {
        ResolvedDay stored = storedDay(spec, day);
        if (stored.events().isEmpty()) {
            return List.of();
        }
        return resolver.resolve(new ResolveRequest(spec, day, plans, catalog, history, channel.seedGeneration, stored.events())).carryOut();
    }

    /** The day as the history of the days after it counts it: without the events judged not to have aired. */
    private static ResolvedDay stillCounted(ResolvedDay day, Set<UUID> notAired) {
        if (notAired.isEmpty() || day.events().stream().noneMatch(e -> notAired.contains(e.uuid()))) {
            return day;
        }
        return new ResolvedDay(day.channelId(), day.broadcastDay(), day.dayStart(), day.dayEnd(), day.seed(),
                day.events().stream().filter(e -> !notAired.contains(e.uuid())).toList(), List.of(), List.of());
    }

    /** A day this resolution leaves alone, as the history of the days after it sees it. */
    private ResolvedDay storedDay(ChannelSpec spec, LocalDate day) {
        List<ResolvedEvent> events = currentSchedule.day(spec.id(), day)
                .map(d -> BroadcastPlaylogEventEntity.effectiveOfDay(d.id).stream().map(PlaylogMapping::toResolved).toList())
                .orElse(List.of());
        return new ResolvedDay(spec.id(), day, BroadcastDays.dayStart(spec, day), BroadcastDays.dayEnd(spec, day), 0, events, List.of(),
                List.of());
    }

    /** What {@code day} would resolve to now, without storing anything (the assignment preview). */
    @Transactional
    public ResolvedDay preview(UUID channelId, LocalDate day, Instant now) {
        ChannelEntity channel = em.find(ChannelEntity.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        ChannelSpec spec = CoreMapping.channel(channel);
        PlayHistory history = history(channel.id, BroadcastDays.dayStart(spec, day), now, notAired(channel, now));
        return resolver.resolve(new ResolveRequest(spec, day, ChannelInputs.plans(channelId), catalogs.current(), history, channel.seedGeneration,
                List.of()));
    }

    /**
     * The resolution pass a change of the channel's inputs would make at {@code now}, over the inputs the caller's
     * transaction sees (the what-if preview applies its changes in a transaction it rolls back): every day from today to
     * {@code last} (at least the horizon), the days outside {@code scopeDays} left alone as a real pass leaves them.
     * Nothing is written, no alert is raised.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DayStep> dryRun(UUID channelId, Instant now, Set<LocalDate> scopeDays, LocalDate last) {
        ChannelEntity channel = em.find(ChannelEntity.class, channelId);
        if (channel == null || channel.retired) {
            return List.of();
        }
        List<DayStep> steps = new ArrayList<>();
        walkHorizon(channel, now, scopeDays, notAired(channel, now), catalogs.current(), last, steps::add);
        return steps;
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
     * The events of the current version that start before the lock end stay as they are; nothing that starts at or
     * after it is frozen. A trailing gap (slate) is shortened to the first grid boundary after now (or after its own
     * start, when that is later; a slate starting on a boundary is dropped): slate is a placeholder, and replacing it
     * with real content is always better, even inside the lock window (e.g. a day first resolved before its content
     * arrived).
     */
    static List<ResolvedEvent> frozenPrefix(ChannelSpec spec, List<ResolvedEvent> events, Instant lockEnd, Instant now) {
        ChannelGrid grid = new ChannelGrid(spec);
        List<ResolvedEvent> frozen = new ArrayList<>();
        for (ResolvedEvent e : events) {
            if (!e.start().isBefore(lockEnd)) {
                break;
            }
            frozen.add(e);
        }
        if (!frozen.isEmpty() && frozen.get(frozen.size() - 1).kind() == EventKind.GAP) {
            ResolvedEvent last = frozen.get(frozen.size() - 1);
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

    /**
     * What rotation and sequence count as played before {@code before}: what the published schedule had on this
     * channel in the weeks before, except the programmes judged not to have aired ({@code notAired}: MISSING or
     * SUBSTITUTED), plus what the as-run says aired (AIRED, SHORT, TRUNCATED, SUBSTITUTED — the asset that actually
     * aired) up to {@code now}. A planned item counts until it is judged not to have aired; the judgement asks for a
     * re-resolution, so the item's policy schedules it again. Nothing here depends on the clock but through judgements
     * and as-run, so resolving again later gives the same days.
     */
    private PlayHistory history(UUID channelId, Instant before, Instant now, Set<UUID> notAired) {
        InMemoryPlayHistory history = InMemoryPlayHistory.empty();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.asset_uuid, e.start_utc, e.uuid FROM current_playlog_event e
                WHERE e.channel_id = ?1 AND e.start_utc < ?2 AND e.start_utc >= ?3 AND e.asset_uuid IS NOT NULL
                UNION ALL
                SELECT a.asset_uuid, a.actual_start_utc, NULL FROM as_run_log a
                WHERE a.channel_id = ?1 AND a.actual_start_utc < ?4 AND a.actual_start_utc >= ?3
                  AND a.status IN ('AIRED', 'TRUNCATED', 'SHORT', 'SUBSTITUTED')""", Object[].class)
                .setParameter(1, channelId).setParameter(2, before).setParameter(3, before.minus(java.time.Duration.ofDays(HISTORY_DAYS)))
                .setParameter(4, now)
                .getResultList();
        for (Object[] row : rows) {
            if (row[2] == null || !notAired.contains((UUID) row[2])) {
                history = history.record((UUID) row[0], Commands.instant(row[1]));
            }
        }
        return history;
    }

    /**
     * The channel's planned events reconciliation judged not to have aired (MISSING, SUBSTITUTED) in the weeks the
     * history looks at. A decision records them, so a rebuild counts what the live run counted.
     */
    private Set<UUID> notAired(ChannelEntity channel, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("""
                SELECT playlog_event_uuid FROM reconciliation_result
                WHERE channel_id = ?1 AND planned_start_utc >= ?2 AND outcome IN ('MISSING', 'SUBSTITUTED')""", UUID.class)
                .setParameter(1, channel.id)
                .setParameter(2, now.minus(java.time.Duration.ofDays(HISTORY_DAYS + 2)))
                .getResultList();
        return Set.copyOf(rows);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The day's version and every decision behind it, at DEBUG: a horizon of many channels would flood INFO. */
    private static void explain(ChannelEntity channel, ResolvedDay day, BroadcastScheduleDayEntity stored, int frozen, String reason) {
        if (LOG.isDebugEnabled()) {
            long gaps = day.events().stream().filter(e -> e.kind() == EventKind.GAP).count();
            LOG.debugf("Resolved %s %s as version %d (%s): %d events, %d frozen, %d gaps, %d warnings",
                    channel.slug, day.broadcastDay(), stored.version, reason, day.events().size(), frozen, gaps, day.warnings().size());
        }
        if (DECISIONS.isDebugEnabled()) {
            day.decisions().forEach(d -> DECISIONS.debugf("  %s %s %s at %s: %s", channel.slug, day.broadcastDay(), d.kind(), d.at(), d.message()));
        }
    }
}
