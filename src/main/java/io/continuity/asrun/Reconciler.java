package io.continuity.asrun;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.continuity.alert.Alerts;
import io.continuity.messaging.PartitionTracker;
import io.continuity.resolver.ResolutionRequests;
import io.continuity.resolver.core.EventKind;
import io.continuity.config.ContinuityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Compares what aired with what was planned. A planned event is judged once its end lies more than the grace period
 * (and the tolerance) in the past: when an as-run entry naming it arrives after that, in the entry's transaction, else
 * by the sweep. Each outcome is stored, and each that is not OK raises an {@code ASRUN_DISCREPANCY} alert once.
 * Judging holds a per-channel database lock, so the as-run consumer and the sweep, on any replica, never judge a
 * channel at the same time, and judging again only changes what a late entry changed.
 */
@ApplicationScoped
public class Reconciler {

    private final ReconciliationStore store;
    private final Alerts alerts;
    private final ContinuityConfig.Reconciliation settings;
    private final ResolutionRequests resolutions;
    private final PartitionTracker partitions;

    public Reconciler(ReconciliationStore store, Alerts alerts, ContinuityConfig config, ResolutionRequests resolutions,
            PartitionTracker partitions) {
        this.store = store;
        this.alerts = alerts;
        this.resolutions = resolutions;
        this.partitions = partitions;
        this.settings = config.reconciliation();
    }

    /**
     * Judges what a just-stored entry makes judgeable: the event it names when that has ended, or the entry itself as
     * EXTRA when it names no current event but falls inside a resolved day. Returns the planned event it names, if any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<PlannedEvent> recorded(AsRunLogEntryEntity entry, Instant now) {
        store.lock(entry.channelId);
        Optional<PlannedEvent> planned = entry.playlogEventUuid == null ? Optional.empty()
                : store.plannedEvent(entry.channelId, entry.playlogEventUuid);
        if (planned.isPresent()) {
            if (planned.get().judged() && planned.get().end().isBefore(cutoff(now))) {
                judge(planned.get(), now);
            }
        } else {
            judgeExtra(AiredEntry.of(entry), now);
        }
        return planned;
    }

    /** Channels with current schedule in the sweep window. */
    @Transactional
    List<UUID> channelsToSweep(Instant now) {
        return store.channelsScheduledBetween(now.minus(settings.lookback()), cutoff(now));
    }

    /** Judges the channel's events that ended in the sweep window without an outcome, and its unjudged EXTRA entries. */
    @Transactional
    int sweep(UUID channelId, Instant now) {
        store.lock(channelId);
        Instant from = now.minus(settings.lookback());
        List<PlannedEvent> events = store.unjudgedEvents(channelId, from, cutoff(now));
        events.forEach(event -> judge(event, now));
        List<AiredEntry> extras = store.unjudgedExtras(channelId, from);
        extras.forEach(entry -> judgeExtra(entry, now));
        return events.size() + extras.size();
    }

    private void judge(PlannedEvent event, Instant now) {
        List<Finding> findings = Judgement.judge(event, store.entriesOf(event), settings.tolerance());
        store.replace(event, findings, now);
        if (event.kind() == EventKind.PROGRAM && findings.stream().anyMatch(f -> f.outcome() == Outcome.MISSING)) {
            // rotation counts what aired: a programme that did not air is scheduled again as its policy says
            resolutions.request(event.channelId(), partitions.planPartitionOf(event.channelId()), "as-run: programme missing", now, null,
                    List.of("missing:" + event.uuid()));
        }
        for (Finding f : findings) {
            if (f.outcome() != Outcome.OK) {
                Map<String, Object> details = details(f);
                details.put("playlog_event_uuid", event.uuid().toString());
                details.put("planned_asset_uuid", event.assetUuid().toString());
                details.put("planned_start_utc", event.start().toString());
                details.put("planned_end_utc", event.end().toString());
                alerts.raise(event.channelId(), Alerts.Kind.ASRUN_DISCREPANCY, Alerts.Severity.WARNING, LocalDate.parse(event.broadcastDay()),
                        f.outcome() + ": playlog event " + event.uuid() + " planned at " + event.start() + " " + f.detail(), details, now,
                        event.uuid() + "/" + f.outcome());
            }
        }
    }

    private void judgeExtra(AiredEntry entry, Instant now) {
        if (!entry.aired()) {
            return;
        }
        UUID channelId = entry.channelId();
        Optional<LocalDate> day = store.coveringDay(channelId, entry.start());
        if (day.isEmpty()) {
            return;
        }
        Finding extra = Judgement.extra(entry);
        if (store.recordExtra(channelId, day.get(), extra, now)) {
            alerts.raise(channelId, Alerts.Kind.ASRUN_DISCREPANCY, Alerts.Severity.WARNING, day.get(),
                    "EXTRA: as-run " + entry.id() + " at " + entry.start() + ": " + extra.detail(), details(extra), now,
                    entry.id() + "/" + Outcome.EXTRA);
        }
    }

    private static Map<String, Object> details(Finding f) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", f.outcome().name());
        putIfPresent(details, "asrun_id", f.asRunId());
        putIfPresent(details, "aired_asset_uuid", f.airedAssetUuid());
        putIfPresent(details, "actual_start_utc", f.actualStart());
        putIfPresent(details, "actual_end_utc", f.actualEnd());
        putIfPresent(details, "delta_ms", f.deltaMs());
        details.put("detail", f.detail());
        return details;
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value instanceof Long ? value : value.toString());
        }
    }

    private Instant cutoff(Instant now) {
        Duration wait = settings.grace().compareTo(settings.tolerance()) >= 0 ? settings.grace() : settings.tolerance();
        return now.minus(wait);
    }
}
