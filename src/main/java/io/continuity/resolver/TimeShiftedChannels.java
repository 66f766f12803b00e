package io.continuity.resolver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.inputs.ChannelEntity;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.playlog.PlaylogMapping;
import io.continuity.playlog.ScheduleDayWriter;
import io.continuity.playlog.ScheduleDayWriter.DayVersion;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.ResolvedDay;
import io.continuity.resolver.core.ResolvedEvent;
import io.continuity.resolver.core.TimeShift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Time-shifted channels ("+1"): a channel configured with a {@code time_shift} airs its source's events
 * {@code offset_minutes} later, and nothing of its own. Its days are derived, never resolved from plans: every
 * transaction that writes new versions of a source's days writes the copies' days they feed before it commits
 * ({@link #follow}), so a copy follows every plan change, catalog change and override of its source and can never lag
 * behind it or see half of a change; and a resolution of the copy itself (when it is configured, on a horizon roll,
 * in a replay) derives its horizon from the source's current versions ({@link #resolve}). See docs/decisions.md 26.
 *
 * <p>Writers of a copy's days serialise on the source's channel row, then on the copy's: both are updated (not only
 * locked), so a repeatable-read resolution that read either before the other transaction committed fails as a
 * conflict and runs again, instead of writing from a stale snapshot.
 */
@ApplicationScoped
public class TimeShiftedChannels {

    private static final Logger LOG = Logger.getLogger(TimeShiftedChannels.class);
    private static final int MAX_CAUSES = 50;

    private final EntityManager em;
    private final CurrentSchedule currentSchedule;
    private final ScheduleDayWriter writer;
    private final ContinuityConfig config;

    public TimeShiftedChannels(EntityManager em, CurrentSchedule currentSchedule, ScheduleDayWriter writer, ContinuityConfig config) {
        this.em = em;
        this.currentSchedule = currentSchedule;
        this.writer = writer;
        this.config = config;
    }

    /** A source day version this transaction wrote: its day, span and number, and the inputs behind it. */
    public record SourceVersion(LocalDate day, Instant dayStart, Instant dayEnd, int version, List<String> causes) {
    }

    /**
     * Writes the days of {@code source}'s time-shifted copies that the source versions just written in this transaction
     * feed (each copy day once, after all of them: a copy day takes the end of one source day and the start of the
     * next). Returns how many copy versions were written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int follow(ChannelEntity source, Collection<SourceVersion> written, Instant now) {
        if (written.isEmpty()) {
            return 0;
        }
        if (source.isTimeShifted()) {
            return 0; // a copy of a copy is not followed: it airs slate (see resolve)
        }
        // an update, not only the lock the writer holds: a copy's resolution that read the source before this transaction
        // commits then fails as a conflict (repeatable read) instead of deriving from the source's older versions, also
        // when the copy is configured after this transaction's snapshot and so is not among the copies below
        touch(source.id);
        List<ChannelEntity> copies = ChannelEntity.timeShiftedCopiesOf(source.id);
        int versions = 0;
        for (ChannelEntity copy : copies) {
            touch(copy.id);
            ChannelSpec spec = CoreMapping.channel(copy);
            Duration offset = Duration.ofMinutes(copy.timeShiftMinutes);
            LocalDate today = BroadcastDays.broadcastDayOf(spec, now);
            LocalDate last = today.plusDays(config.horizon().days());
            Set<LocalDate> days = new TreeSet<>();
            List<String> causes = new ArrayList<>();
            for (SourceVersion v : written) {
                LocalDate from = BroadcastDays.broadcastDayOf(spec, v.dayStart().plus(offset));
                LocalDate to = BroadcastDays.broadcastDayOf(spec, v.dayEnd().plus(offset).minusMillis(1));
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (!d.isBefore(today) && !d.isAfter(last)) {
                        days.add(d);
                    }
                }
                causes.add("source:" + source.slug + "/" + v.day() + "/v" + v.version());
                causes.addAll(v.causes());
            }
            List<String> kept = causes.stream().distinct().toList();
            kept = kept.size() > MAX_CAUSES ? kept.subList(0, MAX_CAUSES) : kept;
            for (LocalDate day : days) {
                versions += derive(copy, spec, source, day, now, kept) ? 1 : 0;
            }
        }
        return versions;
    }

    /**
     * Derives every day of the copy's horizon from its source's current versions, as of {@code now}; returns how many
     * new versions were written. The caller's transaction has read {@code copy}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolve(ChannelEntity copy, Instant now, List<String> causes) {
        touch(copy.timeShiftSourceId);
        touch(copy.id);
        ChannelEntity source = em.find(ChannelEntity.class, copy.timeShiftSourceId);
        if (source != null && (source.retired || source.isTimeShifted())) {
            source = null;
        }
        if (source == null) {
            LOG.warnf("%s is a time-shifted copy of %s, which is not a live channel of its own (missing, retired or itself a copy); "
                    + "it airs slate after its lock window until that changes", copy.slug, copy.timeShiftSourceId);
        }
        ChannelSpec spec = CoreMapping.channel(copy);
        LocalDate today = BroadcastDays.broadcastDayOf(spec, now);
        int versions = 0;
        for (LocalDate day = today; !day.isAfter(today.plusDays(config.horizon().days())); day = day.plusDays(1)) {
            versions += derive(copy, spec, source, day, now, causes) ? 1 : 0;
        }
        if (versions > 0) {
            LOG.debugf("%s: %d days derived from %s, %d minutes later", copy.slug, versions, copy.timeShiftSourceId, copy.timeShiftMinutes);
        }
        return versions;
    }

    /**
     * Writes the copy's day anew when what its source says differs from its current version; whether it did. A null
     * {@code source} (missing, retired or itself a copy) gives slate after the lock window.
     */
    private boolean derive(ChannelEntity copy, ChannelSpec spec, ChannelEntity source, LocalDate day, Instant now, List<String> causes) {
        Duration offset = Duration.ofMinutes(copy.timeShiftMinutes);
        Instant from = BroadcastDays.dayStart(spec, day).minus(offset);
        Instant to = BroadcastDays.dayEnd(spec, day).minus(offset);
        List<ResolvedEvent> sourceEvents = new ArrayList<>();
        NavigableMap<Instant, UUID> overrides = new TreeMap<>();
        ChannelSpec sourceSpec = source == null ? null : CoreMapping.channel(source);
        LocalDate firstSourceDay = source == null ? null : BroadcastDays.broadcastDayOf(sourceSpec, from);
        LocalDate lastSourceDay = source == null ? null : BroadcastDays.broadcastDayOf(sourceSpec, to.minusMillis(1));
        for (LocalDate d = firstSourceDay; d != null && !d.isAfter(lastSourceDay); d = d.plusDays(1)) {
            for (BroadcastPlaylogEventEntity row : rows(source.id, d)) {
                sourceEvents.add(PlaylogMapping.toResolved(row));
                if (row.overrideId != null) {
                    overrides.put(row.startUtc.plus(offset), row.overrideId);
                }
            }
        }
        BroadcastScheduleDayEntity current = currentSchedule.day(copy.id, day).orElse(null);
        List<ResolvedEvent> currentEvents = rows(copy.id, current).stream().map(PlaylogMapping::toResolved).toList();
        // a copy has no lock window of its own while it follows a source: the source's lock window already holds what it
        // shows, and an override of the source that comes at short notice (a pulled programme) must reach the copy too.
        // Only what is on air or has aired stays. Without a source, the lock window holds as on any channel.
        Instant lockEnd = source == null ? now.plus(config.horizon().lockWindow()) : now;
        List<ResolvedEvent> frozen = ChannelResolution.frozenPrefix(spec, currentEvents, lockEnd, now);
        String sourceName = source == null ? copy.timeShiftSourceId + " (missing, retired or itself a copy)" : source.slug;
        ResolvedDay derived = TimeShift.keeping(TimeShift.day(spec, day, copy.seedGeneration, offset, sourceName, sourceEvents), frozen,
                copy.seedGeneration);
        if (current != null && derived.events().equals(currentEvents)) {
            return false;
        }
        int frozenCount = frozen.size();
        Map<UUID, UUID> overrideOf = new java.util.HashMap<>();
        for (ResolvedEvent e : derived.events().subList(frozenCount, derived.events().size())) {
            Map.Entry<Instant, UUID> o = overrides.floorEntry(e.start());
            if (o != null && o.getKey().equals(e.start())) {
                overrideOf.put(e.uuid(), o.getValue());
            }
        }
        writer.write(DayVersion.resolved(derived, copy.seedGeneration, frozenCount, overrideOf, causes), current, currentEvents, now);
        return true;
    }

    private List<BroadcastPlaylogEventEntity> rows(UUID channelId, LocalDate day) {
        return rows(channelId, currentSchedule.day(channelId, day).orElse(null));
    }

    /** The version's effective rows, detached: only read here (kept out of the dirty checks of the flushes that follow). */
    private List<BroadcastPlaylogEventEntity> rows(UUID channelId, BroadcastScheduleDayEntity day) {
        if (day == null) {
            return List.of();
        }
        List<BroadcastPlaylogEventEntity> rows = BroadcastPlaylogEventEntity.effectiveOfDay(day.id);
        rows.forEach(em::detach);
        return rows;
    }

    /** Updates the channel's row (to itself): the lock every writer of the copy's days takes, visible to repeatable reads. */
    private void touch(UUID channelId) {
        em.createNativeQuery("UPDATE channel SET updated_at = updated_at WHERE id = ?1").setParameter(1, channelId).executeUpdate();
    }
}
