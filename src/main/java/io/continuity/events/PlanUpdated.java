package io.continuity.events;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code continuity.plan.updated.v1}: a schedule plan changed (full state). */
public record PlanUpdated(
        @NotNull UUID planId,
        @NotNull UUID channelId,
        @NotBlank @Size(max = 300) String name,
        @NotNull @Min(0) Integer priority,
        @NotBlank @Size(max = 200) String cronExpression,
        LocalDate startDate,
        LocalDate endDate,
        @NotNull Boolean isActive,
        Long expectedVersion) implements PlanEvent, PlanDefinition {
}
