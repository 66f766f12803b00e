package io.continuity.resolver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.continuity.inputs.SchedulePlanBlockAssignmentEntity;
import io.continuity.inputs.SchedulePlanEntity;
import io.continuity.resolver.core.PlanSpec;
import jakarta.persistence.EntityManager;

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

    /**
     * Every channel's plans, read in two queries. The entities read are detached once mapped: call it with nothing of
     * theirs pending (flushed), so that nothing is lost and the transaction's later flushes do not check them all.
     */
    static Map<UUID, List<PlanSpec>> plansByChannel(EntityManager em) {
        List<SchedulePlanBlockAssignmentEntity> assignments = SchedulePlanBlockAssignmentEntity.listAll();
        Map<UUID, List<SchedulePlanBlockAssignmentEntity>> byPlan = assignments.stream().collect(Collectors.groupingBy(a -> a.planId));
        List<SchedulePlanEntity> plans = SchedulePlanEntity.listAll();
        Map<UUID, List<PlanSpec>> result = new HashMap<>();
        for (SchedulePlanEntity p : plans) {
            result.computeIfAbsent(p.channelId, id -> new java.util.ArrayList<>()).add(CoreMapping.plan(p, byPlan.getOrDefault(p.id, List.of())));
        }
        assignments.forEach(em::detach);
        plans.forEach(em::detach);
        return result;
    }
}
