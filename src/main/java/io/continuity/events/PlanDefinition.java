package io.continuity.events;

import java.time.LocalDate;
import java.util.UUID;

/** The full state of a plan, as carried by both {@link PlanCreated} and {@link PlanUpdated}. */
public interface PlanDefinition {
    UUID planId();

    UUID channelId();

    String name();

    Integer priority();

    String cronExpression();

    LocalDate startDate();

    LocalDate endDate();

    Boolean isActive();
}
