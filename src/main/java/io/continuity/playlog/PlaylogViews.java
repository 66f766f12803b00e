package io.continuity.playlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON shapes of the schedule queries (snake_case on the wire). */
public final class PlaylogViews {

    private PlaylogViews() {
    }

    /** One playlog event with its lineage. */
    public record EventView(UUID uuid, UUID assetUuid, String kind, Instant startUtc, Instant endUtc, long offsetMs, String broadcastDay,
            UUID assignmentId, UUID planId, UUID scheduleDayId, String title, List<UUID> fallback, boolean frozen, boolean overridden,
            UUID overrideId) {

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

    /** One version of a day: when and why it was made, and from where it replaced the version before. */
    public record VersionView(int version, UUID scheduleDayId, Instant createdAt, Instant supersededAt, Instant replacesFromUtc,
            JsonNode causes, int events) {
    }

    /** An event that is in both versions of a diff at another time. */
    public record MovedView(UUID uuid, UUID assetUuid, String title, Instant fromStartUtc, Instant fromEndUtc, Instant toStartUtc,
            Instant toEndUtc) {
    }

    /** What changed between two versions of a day: events only in {@code to}, only in {@code from}, and moved. */
    public record DiffView(UUID channelId, LocalDate broadcastDay, int fromVersion, int toVersion, List<EventView> added,
            List<EventView> removed, List<MovedView> moved) {
    }

    /** What is on air now, and how far into it. */
    public record NowView(UUID channelId, Instant atUtc, EventView event, long offsetIntoEventMs, long positionInAssetMs, EventView next) {
    }

    /** What an assignment would resolve to on a day, without storing anything. */
    public record PreviewView(UUID assignmentId, UUID channelId, LocalDate broadcastDay, List<EventView> events, List<String> decisions) {
    }
}
