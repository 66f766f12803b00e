package io.continuity.resolver.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Layers the day's matching plans per time window (DESIGN §2 "Plans and layering"), in schedule-time minutes.
 * Plans are visited strongest first ({@link PlanSpec#PRECEDENCE}); each assignment claims the minutes nobody
 * stronger claimed, so a higher plan replaces lower ones only where its assignments cover time. The result is a
 * list of slots covering 00:00–24:00 exactly once: an assignment may become several slots when a stronger plan
 * cuts through it, and minutes nobody claims become unassigned slots. Inside one plan, overlapping assignments
 * (invalid input) resolve to the earlier-starting one, with a warning.
 *
 * <p>An assignment that runs past 24:00 claims the day up to 24:00 like any other; when it still holds the day's
 * last minute, the last slot keeps its full end (at most 24 hours after the assignment's start), so the resolver
 * plays it across the day end and the rest becomes the day's carry-over. When a stronger plan holds the end of the
 * day, the part past 24:00 does not air.
 */
final class Layering {

    static final int DAY_MINUTES = 1440;

    /**
     * A window of the day: an assignment of a plan, or unassigned time when both are null. Only the last slot may
     * end past 1440, when its assignment runs past 24:00.
     */
    record Slot(int startMinute, int endMinute, PlanSpec plan, AssignmentSpec assignment) {
    }

    /** The layered day. */
    record Layout(List<Slot> slots, List<UUID> lineage) {
    }

    private Layering() {
    }

    static Layout layer(DayContext day, List<PlanSpec> plansStrongestFirst) {
        PlanSpec[] planAt = new PlanSpec[DAY_MINUTES];
        AssignmentSpec[] assignmentAt = new AssignmentSpec[DAY_MINUTES];
        for (PlanSpec plan : plansStrongestFirst) {
            List<AssignmentSpec> assignments = new ArrayList<>(plan.assignments());
            assignments.sort(Comparator.comparingInt(AssignmentSpec::startMinute)
                    .thenComparing(AssignmentSpec::id, Comparator.nullsLast(Comparator.naturalOrder())));
            for (AssignmentSpec assignment : assignments) {
                claim(day, plan, assignment, planAt, assignmentAt);
            }
        }
        List<Slot> slots = slots(planAt, assignmentAt);
        Slot last = slots.get(slots.size() - 1);
        if (last.assignment() != null && last.assignment().endMinute() > DAY_MINUTES) {
            slots.set(slots.size() - 1, new Slot(last.startMinute(), spanEnd(last.assignment()), last.plan(),
                    last.assignment()));
        }
        return new Layout(slots, lineage(plansStrongestFirst, planAt));
    }

    /** Where an assignment ends in schedule-time of its own day (past 1440 when it spans the day end). */
    static int spanEnd(AssignmentSpec assignment) {
        return Math.min(assignment.endMinute(), assignment.startMinute() + DAY_MINUTES);
    }

    private static void claim(DayContext day, PlanSpec plan, AssignmentSpec assignment, PlanSpec[] planAt,
                              AssignmentSpec[] assignmentAt) {
        int end = Math.min(assignment.endMinute(), DAY_MINUTES);
        if (assignment.durationMinutes() > DAY_MINUTES) {
            day.log().warn(Decision.Kind.DROPPED, BroadcastDays.dayEnd(day.channel(), day.day()), assignment.id(),
                    null, "assignment " + span(assignment.startMinute(), assignment.endMinute()) + " of plan '"
                            + plan.name() + "' lasts more than 24 hours; only its first 24 hours air");
        }
        Map<UUID, PlanSpec> stronger = new LinkedHashMap<>();
        boolean overlapsOwnPlan = false;
        for (int minute = assignment.startMinute(); minute < end; minute++) {
            if (planAt[minute] == null) {
                planAt[minute] = plan;
                assignmentAt[minute] = assignment;
            } else if (planAt[minute] == plan) {
                overlapsOwnPlan = true;
            } else {
                stronger.putIfAbsent(planAt[minute].id(), planAt[minute]);
            }
        }
        explain(day, plan, assignment, stronger.values(), overlapsOwnPlan);
    }

    private static void explain(DayContext day, PlanSpec plan, AssignmentSpec assignment, Collection<PlanSpec> stronger,
                                boolean overlapsOwnPlan) {
        if (stronger.isEmpty() && !overlapsOwnPlan) {
            return;
        }
        Instant at = BroadcastDays.atScheduleMinute(day.channel(), day.day(), assignment.startMinute());
        String name = "assignment " + span(assignment.startMinute(), assignment.endMinute()) + " of plan '"
                + plan.name() + "'";
        if (!stronger.isEmpty()) {
            List<String> names = stronger.stream().map(p -> "'" + p.name() + "' (priority " + p.priority() + ")")
                    .toList();
            day.log().info(Decision.Kind.LAYERED, at, assignment.id(), null, name + " is replaced where it overlaps"
                    + " plan " + String.join(", ", names));
        }
        if (overlapsOwnPlan) {
            day.log().warn(Decision.Kind.OVERLAP, at, assignment.id(), null, name + " overlaps an earlier"
                    + " assignment of the same plan; the earlier one keeps the overlap");
        }
    }

    private static List<Slot> slots(PlanSpec[] planAt, AssignmentSpec[] assignmentAt) {
        List<Slot> slots = new ArrayList<>();
        int start = 0;
        for (int minute = 1; minute <= DAY_MINUTES; minute++) {
            if (minute == DAY_MINUTES || assignmentAt[minute] != assignmentAt[start]
                    || planAt[minute] != planAt[start]) {
                slots.add(new Slot(start, minute, planAt[start], assignmentAt[start]));
                start = minute;
            }
        }
        return slots;
    }

    private static List<UUID> lineage(List<PlanSpec> plansStrongestFirst, PlanSpec[] planAt) {
        Set<UUID> used = new HashSet<>();
        PlanSpec previous = null;
        for (PlanSpec plan : planAt) {
            if (plan != null && plan != previous) {
                used.add(plan.id());
            }
            previous = plan;
        }
        return plansStrongestFirst.stream().map(PlanSpec::id).filter(used::contains).toList();
    }

    static String span(int startMinute, int endMinute) {
        return DayContext.minutes(startMinute) + "–" + (endMinute <= DAY_MINUTES ? DayContext.minutes(endMinute)
                : DayContext.minutes(endMinute - DAY_MINUTES) + " (next day)");
    }
}
