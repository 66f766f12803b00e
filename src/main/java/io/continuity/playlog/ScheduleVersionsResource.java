package io.continuity.playlog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.events.EventJson;
import io.continuity.playlog.PlaylogViews.DiffView;
import io.continuity.playlog.PlaylogViews.EventView;
import io.continuity.playlog.PlaylogViews.MovedView;
import io.continuity.playlog.PlaylogViews.VersionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The history of a channel's broadcast day: every ScheduleDay version with when and why it was made (the input
 * events behind it), and the difference between any two versions (events added, removed and moved, matched by uuid).
 */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path("/api/v1/channels/{channelId}/schedule-days/{broadcastDay}")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ScheduleVersionsResource {

    @GET
    @Path("/versions")
    public List<VersionView> versions(@PathParam("channelId") UUID channelId, @PathParam("broadcastDay") String broadcastDay) {
        List<BroadcastScheduleDayEntity> versions = BroadcastScheduleDayEntity.list("channelId = ?1 and broadcastDay = ?2 order by version",
                channelId, TimeRange.date("broadcast_day", broadcastDay));
        if (versions.isEmpty()) {
            throw ProblemException.notFound("no schedule for channel " + channelId + " on " + broadcastDay);
        }
        return versions.stream().map(v -> new VersionView(v.version, v.id, v.createdAt, v.supersededAt, v.replacesFromUtc, json(v.causes),
                (int) BroadcastPlaylogEventEntity.count("scheduleDayId = ?1 and overridden = false", v.id))).toList();
    }

    @GET
    @Path("/diff")
    public DiffView diff(@PathParam("channelId") UUID channelId, @PathParam("broadcastDay") String broadcastDay,
            @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null) {
            throw ProblemException.badParameter("from", "is required: the version to compare from");
        }
        if (to == null) {
            throw ProblemException.badParameter("to", "is required: the version to compare to");
        }
        var day = TimeRange.date("broadcast_day", broadcastDay);
        Map<UUID, BroadcastPlaylogEventEntity> before = events(channelId, day, from, "from");
        Map<UUID, BroadcastPlaylogEventEntity> after = events(channelId, day, to, "to");
        List<EventView> added = after.values().stream().filter(e -> !before.containsKey(e.uuid)).map(EventView::of).toList();
        List<EventView> removed = before.values().stream().filter(e -> !after.containsKey(e.uuid)).map(EventView::of).toList();
        List<MovedView> moved = after.values().stream().filter(e -> before.containsKey(e.uuid)).filter(e -> {
            BroadcastPlaylogEventEntity b = before.get(e.uuid);
            return !b.startUtc.equals(e.startUtc) || !b.endUtc.equals(e.endUtc);
        }).map(e -> {
            BroadcastPlaylogEventEntity b = before.get(e.uuid);
            return new MovedView(e.uuid, e.assetUuid, e.title, b.startUtc, b.endUtc, e.startUtc, e.endUtc);
        }).toList();
        return new DiffView(channelId, day, from, to, added, removed, moved);
    }

    private static Map<UUID, BroadcastPlaylogEventEntity> events(UUID channelId, java.time.LocalDate day, int version, String field) {
        BroadcastScheduleDayEntity v = BroadcastScheduleDayEntity.<BroadcastScheduleDayEntity>find(
                "channelId = ?1 and broadcastDay = ?2 and version = ?3", channelId, day, version).firstResultOptional()
                .orElseThrow(() -> ProblemException.badParameter(field, "channel " + channelId + " has no version " + version + " of " + day));
        Map<UUID, BroadcastPlaylogEventEntity> events = new LinkedHashMap<>();
        BroadcastPlaylogEventEntity.effectiveOfDay(v.id).forEach(e -> events.put(e.uuid, e));
        return events;
    }

    private static JsonNode json(String value) {
        try {
            return EventJson.mapper().readTree(value == null ? "[]" : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
