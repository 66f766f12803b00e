package io.continuity.resolver.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test builder for {@link PlanSpec}: active, every day, priority 10, no date range. */
final class PlanBuilder {

    private final String name;
    private int priority = 10;
    private long createdSequence = 1;
    private String cron = "* * * * *";
    private LocalDate startDate;
    private LocalDate endDate;
    private boolean active = true;
    private final List<AssignmentBuilder> assignments = new ArrayList<>();

    private PlanBuilder(String name) {
        this.name = name;
    }

    static PlanBuilder plan(String name) {
        return new PlanBuilder(name);
    }

    static UUID planId(String name) {
        return UUID.nameUUIDFromBytes(("plan:" + name).getBytes(StandardCharsets.UTF_8));
    }

    PlanBuilder priority(int value) {
        priority = value;
        return this;
    }

    PlanBuilder created(long sequence) {
        createdSequence = sequence;
        return this;
    }

    PlanBuilder cron(String expression) {
        cron = expression;
        return this;
    }

    PlanBuilder between(LocalDate first, LocalDate last) {
        startDate = first;
        endDate = last;
        return this;
    }

    PlanBuilder inactive() {
        active = false;
        return this;
    }

    PlanBuilder with(AssignmentBuilder... values) {
        assignments.addAll(List.of(values));
        return this;
    }

    PlanSpec build() {
        UUID id = planId(name);
        List<AssignmentSpec> built = assignments.stream().map(a -> a.build(id)).toList();
        return new PlanSpec(id, name, priority, createdSequence, cron, startDate, endDate, active, built);
    }
}
