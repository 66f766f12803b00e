package io.continuity.events;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code continuity.assignment.added.v1}: a block assignment was added to a plan (SchedulePlanBlockAssignment, seed 003). */
public record AssignmentAdded(
        @NotNull UUID assignmentId,
        @NotNull UUID planId,
        @NotNull UUID channelId,
        @NotNull @ScheduleTime String startTime,
        @NotNull Integer duration,
        @NotNull ContentType contentType,
        @NotNull JsonNode contentReference,
        UUID labelId,
        EpisodePolicy episodePolicy,
        Map<String, Object> playbackRules,
        @Size(max = 2000) String operatorIntent,
        Long expectedVersion) implements PlanEvent, AssignmentDefinition {
}
