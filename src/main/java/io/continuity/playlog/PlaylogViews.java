package io.continuity.playlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.resolver.core.ResolvedEvent;

/** The JSON shapes of the schedule queries (snake_case on the wire). */
public final class PlaylogViews {

    private PlaylogViews() {
    }

    /** One playlog event with its lineage. */
    public record EventView(UUID uuid, UUID assetUuid, String kind, Instant startUtc, Instant endUtc, long offsetMs, String broadcastDay,
            UUID assignmentId, UUID planId, UUID scheduleDayId, String title, List<UUID> fallback, boolean frozen, boolean overridden,
            UUID overrideId) {

        /** A resolved event that has no row (yet): a preview, or a version's event seen through the resolver's eyes. */
        public static EventView of(ResolvedEvent e, LocalDate broadcastDay, UUID scheduleDayId, boolean frozen, UUID overrideId) {
            return new EventView(e.uuid(), e.assetUuid(), e.kind().name().toLowerCase(Locale.ROOT), e.start(), e.end(), e.offsetMs(),
                    broadcastDay.toString(), e.assignmentId(), e.planId(), scheduleDayId, e.title(), e.fallback(), frozen, false,
                    overrideId);
        }

        public static EventView of(BroadcastPlaylogEventEntity e) {
            return new EventView(e.uuid, e.assetUuid, e.kind, e.startUtc, e.endUtc, e.offsetMs, e.broadcastDay, e.assignmentId, e.planId,
                    e.scheduleDayId, e.title, e.fallback, e.frozen, e.overridden, e.overrideId);
        }
    }

    /** A ScheduleDay version and its events. */
    public record ScheduleDayView(UUID channelId, LocalDate broadcastDay, UUID scheduleDayId, int version, Instant dayStartUtc,
            Instant dayEndUtc, Instant replacesFromUtc, List<UUID> planLineage, long seed, Instant createdAt, Instant supersededAt,
            JsonNode decisions, JsonNode causes, List<EventView> events) {
    }

    /**
     * One version of a day: when and why it was made, and from where it replaced the version before. {@code causes} are
     * the raw causes recorded on the version; {@code decision}, {@code inputs} and {@code overrideIds} say the same
     * resolved: the decision that made it, each input event with its type, and the overrides behind it.
     */
    public record VersionView(int version, UUID scheduleDayId, Instant createdAt, Instant supersededAt, Instant replacesFromUtc,
            JsonNode causes, int events, DecisionView decision, List<InputView> inputs, List<UUID> overrideIds) {
    }

    /** The decision that made a version (table {@code schedule_decision}, topic {@code continuity.schedule-decisions}). */
    public record DecisionView(UUID decisionId, String kind, Instant decidedAt, UUID overrideId, boolean replayed) {
    }

    /**
     * One cause of a version: where it came from ({@code plan}, {@code catalog}, {@code override}, {@code as-run},
     * {@code roll} …), the input event's id ({@code ce_id}, or the override id) and, when the journal still holds it,
     * its CloudEvents type, topic and when it was applied.
     */
    public record InputView(String cause, String source, String eventId, String ceType, String topic, Instant appliedAt) {
    }

    /** An event that is in both versions of a diff at another time; {@code fromUuid} is its uuid before the move. */
    public record MovedView(UUID uuid, UUID assetUuid, String title, Instant fromStartUtc, Instant fromEndUtc, Instant toStartUtc,
            Instant toEndUtc, UUID fromUuid) {

        public static MovedView of(ScheduleDiff.Move move) {
            return new MovedView(move.to().uuid(), move.to().assetUuid(), move.to().title(), move.from().start(), move.from().end(),
                    move.to().start(), move.to().end(), move.fromUuid());
        }
    }

    /** What changed between two versions of a day: events only in {@code to}, only in {@code from}, moved, and new gaps. */
    public record DiffView(UUID channelId, LocalDate broadcastDay, int fromVersion, int toVersion, List<EventView> added,
            List<EventView> removed, List<MovedView> moved, List<EventView> newGaps) {
    }

    /** What is on air now, and how far into it. */
    public record NowView(UUID channelId, Instant atUtc, EventView event, long offsetIntoEventMs, long positionInAssetMs, EventView next) {
    }

    /** What an assignment would resolve to on a day, without storing anything. */
    public record PreviewView(UUID assignmentId, UUID channelId, LocalDate broadcastDay, List<EventView> events, List<String> decisions) {
    }
}
