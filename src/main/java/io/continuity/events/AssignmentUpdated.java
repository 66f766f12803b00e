package io.continuity.events;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code continuity.assignment.updated.v1}: a block assignment changed (full state) (SchedulePlanBlockAssignment, seed 003). */
public record AssignmentUpdated(
        @NotNull UUID assignmentId,
        @NotNull UUID planId,
        @NotNull UUID channelId,
        @NotNull @ScheduleTime String startTime,
        @NotNull Integer duration,
        @NotNull @Pattern(regexp = "series|asset|rule|random|virtual_package",
                message = "must be one of series, asset, rule, random, virtual_package") String contentType,
        @NotNull JsonNode contentReference,
        UUID labelId,
        @Pattern(regexp = "sequential|syndication|random|seasonal|least-recently-used",
                message = "must be one of sequential, syndication, random, seasonal, least-recently-used")
        String episodePolicy,
        Map<String, Object> playbackRules,
        @Size(max = 2000) String operatorIntent,
        Long expectedVersion) implements PlanEvent, AssignmentDefinition {
}
