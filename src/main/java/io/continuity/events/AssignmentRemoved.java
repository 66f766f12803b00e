package io.continuity.events;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code continuity.assignment.removed.v1}: the assignment no longer airs from future resolutions on. */
public record AssignmentRemoved(@NotNull UUID assignmentId, @NotNull UUID planId, @NotNull UUID channelId,
        Long expectedVersion) implements PlanEvent {
}
