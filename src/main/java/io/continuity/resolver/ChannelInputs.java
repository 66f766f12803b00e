package io.continuity.resolver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.continuity.inputs.SchedulePlanBlockAssignmentEntity;
import io.continuity.inputs.SchedulePlanEntity;
import io.continuity.resolver.core.PlanSpec;

/** The plans of channels as the resolver core sees them, with their assignments. */
final class ChannelInputs {

    private ChannelInputs() {
    }

    static List<PlanSpec> plans(UUID channelId) {
        List<SchedulePlanBlockAssignmentEntity> assignments = SchedulePlanBlockAssignmentEntity.ofChannel(channelId);
        return SchedulePlanEntity.ofChannel(channelId).stream()
                .map(p -> CoreMapping.plan(p, assignments.stream().filter(a -> a.planId.equals(p.id)).toList()))
                .toList();
    }

    /** Every channel's plans, read in two queries. */
    static Map<UUID, List<PlanSpec>> plansByChannel() {
        Map<UUID, List<SchedulePlanBlockAssignmentEntity>> byPlan = SchedulePlanBlockAssignmentEntity.<SchedulePlanBlockAssignmentEntity>listAll()
                .stream().collect(Collectors.groupingBy(a -> a.planId));
        Map<UUID, List<PlanSpec>> result = new HashMap<>();
        for (SchedulePlanEntity p : SchedulePlanEntity.<SchedulePlanEntity>listAll()) {
            result.computeIfAbsent(p.channelId, id -> new java.util.ArrayList<>()).add(CoreMapping.plan(p, byPlan.getOrDefault(p.id, List.of())));
        }
        return result;
    }
}
