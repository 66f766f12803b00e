package io.continuity.resolver.core;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A SchedulePlan (DESIGN §2 "Plans and layering"): a prioritised, cron-selected set of block assignments.
 *
 * @param createdSequence event order of the plan's creation; later plans have larger values and win ties
 * @param cronExpression  5-field Unix cron; only day-of-month, month and day-of-week count
 * @param startDate       first matching broadcast day (inclusive), or null
 * @param endDate         last matching broadcast day (inclusive), or null
 */
public record PlanSpec(UUID id, String name, int priority, long createdSequence, String cronExpression,
                       LocalDate startDate, LocalDate endDate, boolean active, List<AssignmentSpec> assignments) {

    /**
     * Layering precedence, strongest first: higher priority, then the later-created plan, then the larger plan id
     * (an arbitrary but stable last resort).
     */
    public static final Comparator<PlanSpec> PRECEDENCE = Comparator.comparingInt(PlanSpec::priority)
            .thenComparingLong(PlanSpec::createdSequence)
            .thenComparing(PlanSpec::id)
            .reversed();

    public PlanSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cronExpression, "cronExpression");
        if (priority < 0) {
            throw new IllegalArgumentException("priority must be >= 0: " + priority);
        }
        assignments = List.copyOf(assignments);
        CronDates.validate(cronExpression);
    }

    /** Active, inside its date range, and its cron's day fields match {@code broadcastDay}. */
    public boolean matches(LocalDate broadcastDay) {
        return active
                && (startDate == null || !broadcastDay.isBefore(startDate))
                && (endDate == null || !broadcastDay.isAfter(endDate))
                && CronDates.matches(cronExpression, broadcastDay);
    }
}
