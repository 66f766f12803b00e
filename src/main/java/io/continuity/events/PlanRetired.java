package io.continuity.events;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code continuity.plan.retired.v1}: the plan no longer matches any date; it is kept for lineage. */
public record PlanRetired(@NotNull UUID planId, @NotNull UUID channelId, Long expectedVersion) implements PlanEvent {
}
