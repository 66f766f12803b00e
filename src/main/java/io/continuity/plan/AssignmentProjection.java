package io.continuity.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.channel.GridRules;
import io.continuity.common.Versions;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentDefinition;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.PlanEvent;
import io.continuity.events.EventJson;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.ScheduleTimes;
import io.continuity.events.WireEnums;
import io.continuity.inputs.ChannelEntity;
import io.continuity.inputs.SchedulePlanBlockAssignmentEntity;
import io.continuity.resolver.core.ContentType;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies block-assignment events after checking seed 003's invariants: the start lands on a block start offset,
 * the duration is a positive multiple of the grid of at most 24 hours (it may run past 24:00 into the next
 * programming day), no overlap inside the plan (the part past 24:00 counted from 00:00, see
 * {@link AssignmentWindows}), the plan and label exist on the same channel, and the content reference fits its
 * content type.
 */
@ApplicationScoped
public class AssignmentProjection {

    /** The batch's assignments by id, loaded by {@link #prepare}; a key without a value is an assignment not stored. */
    private final Map<UUID, SchedulePlanBlockAssignmentEntity> byId = new HashMap<>();
    /** Every assignment of each plan the batch's assignment events name, kept up to date as they are applied. */
    private final Map<UUID, List<SchedulePlanBlockAssignmentEntity>> byPlan = new HashMap<>();

    /**
     * Loads, in one query, the assignments a batch names and every assignment of their plans (the overlap check needs
     * them), instead of one lookup and one plan query per event. Called by the plan topic's consumer thread only.
     */
    public void prepare(List<PlanEvent> events) {
        byId.clear();
        byPlan.clear();
        Set<UUID> ids = new HashSet<>();
        Set<UUID> plans = new HashSet<>();
        for (PlanEvent event : events) {
            switch (event) {
                case AssignmentAdded e -> {
                    ids.add(e.assignmentId());
                    plans.add(e.planId());
                }
                case AssignmentUpdated e -> {
                    ids.add(e.assignmentId());
                    plans.add(e.planId());
                }
                case AssignmentRemoved e -> {
                    ids.add(e.assignmentId());
                    plans.add(e.planId());
                }
                default -> { }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(id -> byId.put(id, null));
        plans.forEach(plan -> byPlan.put(plan, new ArrayList<>()));
        for (SchedulePlanBlockAssignmentEntity a : SchedulePlanBlockAssignmentEntity.<SchedulePlanBlockAssignmentEntity>list(
                "id in ?1 or planId in ?2", ids, plans)) {
            byId.put(a.id, a);
            List<SchedulePlanBlockAssignmentEntity> ofPlan = byPlan.get(a.planId);
            if (ofPlan != null) {
                ofPlan.add(a);
            }
        }
    }

    private SchedulePlanBlockAssignmentEntity find(UUID assignmentId) {
        return byId.containsKey(assignmentId) ? byId.get(assignmentId) : SchedulePlanBlockAssignmentEntity.findById(assignmentId);
    }

    private List<SchedulePlanBlockAssignmentEntity> ofPlan(UUID planId) {
        List<SchedulePlanBlockAssignmentEntity> held = byPlan.get(planId);
        if (held == null) {
            return SchedulePlanBlockAssignmentEntity.ofPlan(planId);
        }
        return held.stream().sorted(Comparator.comparingInt((SchedulePlanBlockAssignmentEntity a) -> a.startMinute)
                .thenComparing(a -> a.id)).toList();
    }

    public void add(AssignmentAdded event, Instant at) {
        if (find(event.assignmentId()) != null) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "assignment_id",
                    "assignment " + event.assignmentId() + " already exists; send continuity.assignment.updated.v1 to change it");
        }
        Versions.check(event.expectedVersion(), 0, "assignment " + event.assignmentId());
        SchedulePlanBlockAssignmentEntity assignment = new SchedulePlanBlockAssignmentEntity();
        assignment.id = event.assignmentId();
        assignment.createdAt = at;
        String reference = validate(event);
        write(assignment, event, reference, at);
        assignment.persist();
        byId.put(assignment.id, assignment);
        byPlan.computeIfPresent(assignment.planId, (plan, list) -> {
            list.add(assignment);
            return list;
        });
    }

    public void update(AssignmentUpdated event, Instant at) {
        SchedulePlanBlockAssignmentEntity assignment = existing(event.assignmentId(), event.planId());
        Versions.check(event.expectedVersion(), assignment.version, "assignment " + assignment.id);
        String reference = validate(event);
        write(assignment, event, reference, at);
    }

    public void remove(AssignmentRemoved event) {
        SchedulePlanBlockAssignmentEntity assignment = existing(event.assignmentId(), event.planId());
        Versions.check(event.expectedVersion(), assignment.version, "assignment " + assignment.id);
        assignment.delete();
        byId.put(assignment.id, null);
        byPlan.computeIfPresent(assignment.planId, (plan, list) -> {
            list.remove(assignment);
            return list;
        });
    }

    private SchedulePlanBlockAssignmentEntity existing(UUID assignmentId, UUID planId) {
        SchedulePlanBlockAssignmentEntity assignment = find(assignmentId);
        if (assignment == null) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "assignment_id", "no assignment " + assignmentId);
        }
        if (!assignment.planId.equals(planId)) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "plan_id", "assignment " + assignmentId + " belongs to plan " + assignment.planId);
        }
        return assignment;
    }

    /** Checks every invariant; returns the content reference as stored (rules as canonical JSON). */
    private String validate(AssignmentDefinition event) {
        ChannelEntity channel = PlanProjection.liveChannel(event.channelId());
        PlanProjection.existing(event.planId(), event.channelId());
        int start = ScheduleTimes.minutes(event.startTime());
        checkGrid(channel, start, event.duration());
        checkOverlap(event, start);
        if (event.labelId() != null) {
            SchedulePlanLabelEntity label = SchedulePlanLabelEntity.findById(event.labelId());
            if (label == null || !label.channelId.equals(event.channelId())) {
                throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "label_id", "no label " + event.labelId() + " on this channel");
            }
        }
        if (event.playbackRules() != null) {
            ContentRules.validatePlayback(event.playbackRules());
        }
        return contentReference(event.contentType(), event.contentReference());
    }

    private static void checkGrid(ChannelEntity channel, int start, int duration) {
        if (duration <= 0 || duration % channel.gridBlockMinutes != 0) {
            throw new RejectedEventException(ReasonCode.INVALID_DURATION, "duration",
                    "must be a positive multiple of the channel's " + channel.gridBlockMinutes + "-minute grid, was " + duration);
        }
        AssignmentWindows.checkLength(start, duration);
        int dayStart = ScheduleTimes.minutes(channel.programmingDayStart);
        if (!GridRules.onOffset(dayStart, start, channel.blockStartOffsetsMinutes)) {
            throw new RejectedEventException(ReasonCode.OFF_GRID_START, "start_time", "airs at minute " + ((dayStart + start) % 60)
                    + " of the hour, which is not one of the channel's block start offsets " + channel.blockStartOffsetsMinutes);
        }
    }

    private void checkOverlap(AssignmentDefinition event, int start) {
        List<AssignmentWindows.Window> others = ofPlan(event.planId()).stream()
                .map(a -> new AssignmentWindows.Window(a.id, a.startTime, a.startMinute, a.duration)).toList();
        AssignmentWindows.checkOverlap(event.assignmentId(), start, event.duration(), others);
    }

    static String contentReference(ContentType contentType, JsonNode reference) {
        return switch (contentType) {
            case ASSET, VIRTUAL_PACKAGE -> {
                try {
                    yield UUID.fromString(textOf(reference)).toString();
                } catch (IllegalArgumentException e) {
                    throw new RejectedEventException(ReasonCode.INVALID_VALUE, "content_reference",
                            "must be an asset uuid for " + WireEnums.name(contentType));
                }
            }
            case SERIES -> {
                String series = textOf(reference);
                if (series.isBlank()) {
                    throw new RejectedEventException(ReasonCode.INVALID_VALUE, "content_reference", "must name a series");
                }
                yield series;
            }
            case RULE, RANDOM -> {
                Map<String, Object> rule = ruleOf(reference);
                ContentRules.validate(rule, "content_reference");
                yield write(rule);
            }
        };
    }

    private static String textOf(JsonNode reference) {
        if (!reference.isTextual()) {
            throw new RejectedEventException(ReasonCode.WRONG_TYPE, "content_reference", "must be a string");
        }
        return reference.asText();
    }

    /** A rule may come as a JSON object or, as in seed 003's examples, as a string holding one. */
    private static Map<String, Object> ruleOf(JsonNode reference) {
        try {
            JsonNode node = reference.isTextual() ? EventJson.mapper().readTree(reference.asText()) : reference;
            if (node == null || !node.isObject()) {
                throw new RejectedEventException(ReasonCode.WRONG_TYPE, "content_reference", "must be a rule object");
            }
            return EventJson.mapper().convertValue(node, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new RejectedEventException(ReasonCode.MALFORMED_JSON, "content_reference", "rule is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void write(SchedulePlanBlockAssignmentEntity a, AssignmentDefinition event, String reference, Instant at) {
        a.channelId = event.channelId();
        a.planId = event.planId();
        a.startTime = event.startTime();
        a.startMinute = ScheduleTimes.minutes(event.startTime());
        a.duration = event.duration();
        a.contentType = WireEnums.name(event.contentType());
        a.contentReference = reference;
        a.labelId = event.labelId();
        a.episodePolicy = event.episodePolicy() == null ? null : WireEnums.name(event.episodePolicy());
        a.playbackRules = event.playbackRules() == null ? null : write(event.playbackRules());
        a.operatorIntent = event.operatorIntent();
        a.version++;
        a.updatedAt = at;
    }

    private static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
