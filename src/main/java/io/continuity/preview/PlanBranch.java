package io.continuity.preview;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.continuity.api.CommandBody;
import io.continuity.api.ProblemException;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.PlanCreated;
import io.continuity.events.PlanRetired;
import io.continuity.events.PlanUpdated;
import io.continuity.events.RejectedEventException;
import io.continuity.inputs.SchedulePlanEntity;
import io.continuity.plan.AssignmentProjection;
import io.continuity.plan.PlanProjection;

/**
 * A channel's plan inputs with a preview's changes applied, inside a transaction the caller rolls back. Each change
 * becomes the event its REST command would publish (the same {@link CommandBody} reading, the same codec) and is
 * applied by the projection's own code, so it is checked exactly as the consumer would check it, against the state the
 * changes before it left. A refusal names the change: {@code changes[2].assignment.start_time}.
 *
 * <p>Fresh projection instances are used: the application's {@link AssignmentProjection} keeps the consumer thread's
 * batch state, which a request thread must not touch.
 */
final class PlanBranch {

    /**
     * Plans created in a preview order after every plan of the channel, as a plan published now would (its record offset
     * is greater than theirs); among themselves in the order of the changes.
     */
    private static final long CREATED_AFTER_EVERY_PLAN = Long.MAX_VALUE / 2;

    private final CloudEventCodec codec;
    private final UUID channelId;
    private final Instant at;
    private final PlanProjection plans = new PlanProjection();
    private final AssignmentProjection assignments = new AssignmentProjection();
    private final Set<UUID> touchedPlans = new LinkedHashSet<>();

    PlanBranch(CloudEventCodec codec, UUID channelId, Instant at) {
        this.codec = codec;
        this.channelId = channelId;
        this.at = at;
    }

    /** Applies the changes in order; returns the plans they touched (whose days a publish would re-resolve). */
    Set<UUID> apply(List<PlanChange> changes) {
        for (PlanChange change : changes) {
            try {
                apply(change);
            } catch (RejectedEventException e) {
                throw new RejectedEventException(e.rejection().code(), change.fieldPath(e.rejection().field()), e.rejection().detail());
            } catch (ProblemException e) {
                throw new ProblemException(e.status(), e.title(), e.code(), change.fieldPath(e.field()), e.getMessage());
            }
            SchedulePlanEntity.getEntityManager().flush();
        }
        return touchedPlans;
    }

    private void apply(PlanChange change) {
        switch (change.op()) {
            case CREATE_PLAN -> {
                PlanCreated event = body(change).pathId("channel_id", channelId).as(PlanCreated.class);
                plans.create(event, CREATED_AFTER_EVERY_PLAN + change.index(), at);
                touchedPlans.add(event.planId());
            }
            case UPDATE_PLAN -> {
                ownPlan(change);
                plans.update(body(change).pathId("channel_id", channelId).pathId("plan_id", change.planId()).as(PlanUpdated.class), at);
            }
            case RETIRE_PLAN -> {
                ownPlan(change);
                plans.retire(CommandBody.empty(codec).pathId("channel_id", channelId).pathId("plan_id", change.planId()).as(PlanRetired.class), at);
            }
            case ADD_ASSIGNMENT -> {
                ownPlan(change);
                assignments.add(body(change).pathId("plan_id", change.planId()).pathId("channel_id", channelId).as(AssignmentAdded.class), at);
            }
            case UPDATE_ASSIGNMENT -> {
                ownPlan(change);
                assignments.update(body(change).pathId("plan_id", change.planId()).pathId("channel_id", channelId)
                        .pathId("assignment_id", change.assignmentId()).as(AssignmentUpdated.class), at);
            }
            case REMOVE_ASSIGNMENT -> {
                ownPlan(change);
                assignments.remove(CommandBody.empty(codec).pathId("plan_id", change.planId()).pathId("channel_id", channelId)
                        .pathId("assignment_id", change.assignmentId()).as(AssignmentRemoved.class));
            }
        }
    }

    private CommandBody body(PlanChange change) {
        return CommandBody.of(codec, change.body());
    }

    /** The plan a change names must exist on this channel (in the branch: a plan created by an earlier change counts). */
    private void ownPlan(PlanChange change) {
        SchedulePlanEntity plan = SchedulePlanEntity.findById(change.planId());
        if (plan == null) {
            throw new ProblemException(404, "Not Found", "not_found", "plan_id", "no plan " + change.planId());
        }
        if (!plan.channelId.equals(channelId)) {
            throw ProblemException.badParameter("plan_id", "plan " + change.planId() + " belongs to channel " + plan.channelId);
        }
        touchedPlans.add(plan.id);
    }
}
