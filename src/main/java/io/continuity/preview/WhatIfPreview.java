package io.continuity.preview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.continuity.api.ProblemException;
import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.inputs.ChannelEntity;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.PlaylogViews.EventView;
import io.continuity.playlog.PlaylogViews.MovedView;
import io.continuity.playlog.ScheduleDiff;
import io.continuity.preview.PreviewViews.CurrentView;
import io.continuity.preview.PreviewViews.DayDiffView;
import io.continuity.preview.PreviewViews.DayView;
import io.continuity.preview.PreviewViews.OverrideEffect;
import io.continuity.preview.PreviewViews.AffectedOverrideView;
import io.continuity.preview.PreviewViews.WhatIfView;
import io.continuity.preview.PreviewViews.WarningView;
import io.continuity.resolver.ChannelResolution;
import io.continuity.resolver.ChannelResolution.DayStep;
import io.continuity.resolver.CoreMapping;
import io.continuity.resolver.PlanImpact;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.ResolvedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The what-if preview: a channel's plan and assignment changes applied on a branch — a transaction that is always
 * rolled back — and the channel's days resolved over it by the same resolution pass a publish of those changes makes
 * (the days the changed plans can affect, the frozen prefix of the lock window, the applied overrides), without
 * writing anything. Publishing exactly the previewed changes therefore produces the previewed days (docs/preview.md).
 */
@ApplicationScoped
public class WhatIfPreview {

    /** The most days one preview resolves, and how far after today it may start. */
    static final int MAX_DAYS = 14;

    private final EntityManager em;
    private final CloudEventCodec codec;
    private final ChannelResolution resolution;
    private final PlanImpact impact;
    private final ContinuityConfig config;
    private final Clock clock;

    public WhatIfPreview(EntityManager em, CloudEventCodec codec, ChannelResolution resolution, PlanImpact impact, ContinuityConfig config,
            Clock clock) {
        this.em = em;
        this.codec = codec;
        this.resolution = resolution;
        this.impact = impact;
        this.config = config;
        this.clock = clock;
    }

    /** What the preview request asks: the first day (null: today), how many days (null: to the horizon end), the changes. */
    record Request(LocalDate from, Integer days, List<PlanChange> changes) {
    }

    public WhatIfView preview(UUID channelId, Request request) {
        Instant now = clock.instant();
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
            return branch(channelId, request, now);
        } finally {
            QuarkusTransaction.rollback(); // the branch: nothing of it is ever committed
        }
    }

    private WhatIfView branch(UUID channelId, Request request, Instant now) {
        ChannelEntity channel = em.find(ChannelEntity.class, channelId);
        if (channel == null) {
            throw ProblemException.notFound("no channel " + channelId);
        }
        if (channel.retired) {
            throw ProblemException.badParameter("channel_id", "channel " + channelId + " is retired");
        }
        if (channel.isTimeShifted()) {
            throw ProblemException.badParameter("channel_id", "channel " + channel.slug + " is a time-shifted copy of "
                    + channel.timeShiftSourceId + " and has no plans; preview its source");
        }
        Set<UUID> touched = new PlanBranch(codec, channelId, now).apply(request.changes());
        Set<LocalDate> scope = impact.affectedDays(channelId, touched);
        LocalDate today = BroadcastDays.broadcastDayOf(CoreMapping.channel(channel), now);
        LocalDate from = request.from() == null ? today : request.from();
        if (from.isBefore(today) || from.isAfter(today.plusDays(MAX_DAYS))) {
            throw ProblemException.badParameter("from", "must be a broadcast day from today (" + today + ") to " + today.plusDays(MAX_DAYS)
                    + ", was " + from);
        }
        int days = request.days() != null ? request.days()
                : (int) Math.max(1, today.plusDays(config.horizon().days()).toEpochDay() - from.toEpochDay() + 1);
        LocalDate last = from.plusDays(days - 1L);
        Instant lockedUntil = now.plus(config.horizon().lockWindow());
        List<DayView> views = resolution.dryRun(channelId, now, scope, last).stream()
                .filter(step -> !step.day().isBefore(from) && !step.day().isAfter(last))
                .map(step -> day(step, lockedUntil)).toList();
        return new WhatIfView(channelId, now, lockedUntil, views);
    }

    private static DayView day(DayStep step, Instant lockedUntil) {
        CurrentView current = step.current() == null ? null : new CurrentView(step.current().id, step.current().version);
        if (step.resolved() == null) {
            List<EventView> events = BroadcastPlaylogEventEntity.effectiveOfDay(step.current().id).stream().map(EventView::of).toList();
            return new DayView(step.day(), step.current().dayStartUtc, step.current().dayEndUtc, current, false, events,
                    new DayDiffView(List.of(), List.of(), List.of(), List.of()), List.of(), List.of());
        }
        List<ResolvedEvent> before = step.currentEvents();
        List<ResolvedEvent> after = step.resolved().events();
        Set<UUID> kept = before.stream().map(ResolvedEvent::uuid).collect(Collectors.toSet());
        ScheduleDiff.Result diff = ScheduleDiff.between(before, after);
        List<EventView> events = after.stream().map(e -> view(step, e, kept.contains(e.uuid()) && e.start().isBefore(lockedUntil))).toList();
        DayDiffView diffView = new DayDiffView(views(step, diff.added()), views(step, diff.removed()),
                diff.moved().stream().map(MovedView::of).toList(), views(step, diff.newGaps()));
        List<WarningView> warnings = step.resolved().warnings().stream()
                .map(w -> new WarningView(w.kind().name(), w.at(), w.assignmentId(), w.assetUuid(), w.message())).toList();
        return new DayView(step.day(), step.resolved().dayStart(), step.resolved().dayEnd(), current, step.changed(), events, diffView,
                warnings, overrides(step, diff));
    }

    private static List<EventView> views(DayStep step, List<ResolvedEvent> events) {
        return events.stream().map(e -> view(step, e, false)).toList();
    }

    private static EventView view(DayStep step, ResolvedEvent e, boolean frozen) {
        return EventView.of(e, step.day(), null, frozen, step.overrideOf().get(e.uuid()));
    }

    /** The day's applied overrides that lose their event (pinned) or whose window the change touches (superseded). */
    private static List<AffectedOverrideView> overrides(DayStep step, ScheduleDiff.Result diff) {
        List<ResolvedEvent> changed = new java.util.ArrayList<>(diff.added());
        changed.addAll(diff.removed());
        diff.moved().forEach(m -> {
            changed.add(m.from());
            changed.add(m.to());
        });
        return step.applied().stream().map(o -> {
            Instant start = o.airStart() != null ? o.airStart() : o.target().start();
            Instant end = o.airEnd() != null ? o.airEnd() : o.target().end();
            OverrideEffect effect = step.pinned().contains(o) ? OverrideEffect.PINNED
                    : changed.stream().anyMatch(e -> e.start().isBefore(end) && start.isBefore(e.end())) ? OverrideEffect.SUPERSEDED : null;
            return effect == null ? null : new AffectedOverrideView(o.id(), o.action().name(), effect, o.target() == null ? null : o.target().eventUuid(),
                    start, end);
        }).filter(java.util.Objects::nonNull).toList();
    }
}
