package io.continuity.playlog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.events.EventJson;
import io.continuity.messaging.Commands;
import io.continuity.playlog.PlaylogViews.DecisionView;
import io.continuity.playlog.PlaylogViews.DiffView;
import io.continuity.playlog.PlaylogViews.EventView;
import io.continuity.playlog.PlaylogViews.InputView;
import io.continuity.playlog.PlaylogViews.MovedView;
import io.continuity.playlog.PlaylogViews.VersionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The history of a channel's broadcast day: every ScheduleDay version with when and why it was made (the decision that
 * made it, the input events and overrides behind it), and the difference between any two versions (see
 * {@link ScheduleDiff}).
 */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path("/api/v1/channels/{channelId}/schedule-days/{broadcastDay}")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ScheduleVersionsResource {

    /** A version and the decision that made it share their instant; the database may keep it to the microsecond. */
    private static final Duration SAME_DECISION = Duration.ofMillis(1);

    private final EntityManager em;

    public ScheduleVersionsResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every version of the day, oldest first, with when and why it was made: the decision, the input events"
            + " (ce_id and type) and the overrides behind it")
    public List<VersionView> versions(@PathParam("channelId") UUID channelId, @PathParam("broadcastDay") String broadcastDay) {
        List<BroadcastScheduleDayEntity> versions = BroadcastScheduleDayEntity.list("channelId = ?1 and broadcastDay = ?2 order by version",
                channelId, TimeRange.date("broadcast_day", broadcastDay));
        if (versions.isEmpty()) {
            throw ProblemException.notFound("no schedule for channel " + channelId + " on " + broadcastDay);
        }
        Map<UUID, List<String>> causes = new LinkedHashMap<>();
        versions.forEach(v -> causes.put(v.id, causes(v.causes)));
        Map<String, InputView> journal = journal(causes.values().stream().flatMap(List::stream).map(ScheduleVersionsResource::input).toList());
        List<DecisionView> decisions = decisions(channelId, versions);
        return versions.stream().map(v -> {
            List<InputView> inputs = causes.get(v.id).stream().map(c -> known(input(c), journal)).toList();
            return new VersionView(v.version, v.id, v.createdAt, v.supersededAt, v.replacesFromUtc, json(v.causes),
                    (int) BroadcastPlaylogEventEntity.count("scheduleDayId = ?1 and overridden = false", v.id), decisionOf(v, inputs, decisions),
                    inputs, overrideIds(v, inputs));
        }).toList();
    }

    @GET
    @Path("/diff")
    @Operation(summary = "What changed between two versions of the day: added, removed, moved (by uuid, then by asset, kind and"
            + " assignment) and new gaps")
    public DiffView diff(@PathParam("channelId") UUID channelId, @PathParam("broadcastDay") String broadcastDay,
            @Parameter(description = "the version to compare from") @QueryParam("from") Integer from,
            @Parameter(description = "the version to compare to") @QueryParam("to") Integer to) {
        if (from == null) {
            throw ProblemException.badParameter("from", "is required: the version to compare from");
        }
        if (to == null) {
            throw ProblemException.badParameter("to", "is required: the version to compare to");
        }
        LocalDate day = TimeRange.date("broadcast_day", broadcastDay);
        Map<UUID, BroadcastPlaylogEventEntity> before = events(channelId, day, from, "from");
        Map<UUID, BroadcastPlaylogEventEntity> after = events(channelId, day, to, "to");
        ScheduleDiff.Result diff = ScheduleDiff.between(before.values().stream().map(PlaylogMapping::toResolved).toList(),
                after.values().stream().map(PlaylogMapping::toResolved).toList());
        return new DiffView(channelId, day, from, to, diff.added().stream().map(e -> EventView.of(after.get(e.uuid()))).toList(),
                diff.removed().stream().map(e -> EventView.of(before.get(e.uuid()))).toList(),
                diff.moved().stream().map(MovedView::of).toList(),
                diff.newGaps().stream().map(e -> EventView.of(after.get(e.uuid()))).toList());
    }

    private static Map<UUID, BroadcastPlaylogEventEntity> events(UUID channelId, LocalDate day, int version, String field) {
        BroadcastScheduleDayEntity v = BroadcastScheduleDayEntity.<BroadcastScheduleDayEntity>find(
                "channelId = ?1 and broadcastDay = ?2 and version = ?3", channelId, day, version).firstResultOptional()
                .orElseThrow(() -> ProblemException.badParameter(field, "channel " + channelId + " has no version " + version + " of " + day));
        Map<UUID, BroadcastPlaylogEventEntity> events = new LinkedHashMap<>();
        BroadcastPlaylogEventEntity.effectiveOfDay(v.id).forEach(e -> events.put(e.uuid, e));
        return events;
    }

    /** A recorded cause, {@code "<source>:<id>"} or a plain reason ({@code "roll"}, {@code "as-run: programme missing"}). */
    static InputView input(String cause) {
        int colon = cause.indexOf(':');
        String id = colon < 0 ? "" : cause.substring(colon + 1);
        if (colon <= 0 || id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            return new InputView(cause, cause, null, null, null, null);
        }
        return new InputView(cause, cause.substring(0, colon), id, null, null, null);
    }

    private static InputView known(InputView input, Map<String, InputView> journal) {
        InputView found = input.eventId() == null ? null : journal.get(input.eventId());
        return found == null ? input : new InputView(input.cause(), input.source(), input.eventId(), found.ceType(), found.topic(), found.appliedAt());
    }

    /** The journal's record of each input event named (type, topic, when applied), in one query. */
    private Map<String, InputView> journal(List<InputView> inputs) {
        Set<String> ids = new LinkedHashSet<>();
        inputs.stream().map(InputView::eventId).filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<String, InputView> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, ce_type, topic, applied_at FROM event_journal WHERE event_id IN (?1)",
                Object[].class).setParameter(1, List.copyOf(ids)).getResultList();
        rows.forEach(r -> found.put((String) r[0], new InputView(null, null, (String) r[0], (String) r[1], (String) r[2], Commands.instant(r[3]))));
        return found;
    }

    /** The channel's recorded decisions around the versions' creation times. */
    private List<DecisionView> decisions(UUID channelId, List<BroadcastScheduleDayEntity> versions) {
        Instant first = versions.stream().map(v -> v.createdAt).min(Instant::compareTo).orElseThrow();
        Instant last = versions.stream().map(v -> v.createdAt).max(Instant::compareTo).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT decision_id, kind, decided_at, override_id, replayed FROM schedule_decision
                WHERE channel_id = ?1 AND decided_at >= ?2 AND decided_at <= ?3 ORDER BY decided_at, decision_id""", Object[].class)
                .setParameter(1, channelId).setParameter(2, first.minus(SAME_DECISION)).setParameter(3, last.plus(SAME_DECISION))
                .getResultList();
        List<DecisionView> decisions = new ArrayList<>();
        rows.forEach(r -> decisions.add(new DecisionView((UUID) r[0], (String) r[1], Commands.instant(r[2]), (UUID) r[3], (Boolean) r[4])));
        return decisions;
    }

    /** The decision made at the version's instant; of an override version, the decision about that override. */
    private static DecisionView decisionOf(BroadcastScheduleDayEntity v, List<InputView> inputs, List<DecisionView> decisions) {
        Set<String> overrides = new LinkedHashSet<>();
        inputs.stream().filter(i -> "override".equals(i.source()) && i.eventId() != null).forEach(i -> overrides.add(i.eventId()));
        return decisions.stream()
                .filter(d -> Duration.between(d.decidedAt(), v.createdAt).abs().compareTo(SAME_DECISION) <= 0)
                .filter(d -> overrides.isEmpty() ? "RESOLUTION".equals(d.kind()) : d.overrideId() != null && overrides.contains(d.overrideId().toString()))
                .findFirst().orElse(null);
    }

    /** The overrides named as causes of the version and those applied to its events. */
    private List<UUID> overrideIds(BroadcastScheduleDayEntity v, List<InputView> inputs) {
        Set<UUID> ids = new LinkedHashSet<>();
        inputs.stream().filter(i -> "override".equals(i.source()) && i.eventId() != null).forEach(i -> {
            try {
                ids.add(UUID.fromString(i.eventId()));
            } catch (IllegalArgumentException notAnId) {
                // a cause written by hand: shown in inputs, not here
            }
        });
        @SuppressWarnings("unchecked")
        List<UUID> applied = em.createNativeQuery("""
                SELECT DISTINCT override_id FROM broadcast_playlog_event WHERE schedule_day_id = ?1 AND override_id IS NOT NULL
                ORDER BY override_id""", UUID.class).setParameter(1, v.id).getResultList();
        ids.addAll(applied);
        return List.copyOf(ids);
    }

    private static List<String> causes(String value) {
        try {
            return List.of(EventJson.mapper().readValue(value == null ? "[]" : value, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String value) {
        try {
            return EventJson.mapper().readTree(value == null ? "[]" : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
