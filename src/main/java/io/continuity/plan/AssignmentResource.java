package io.continuity.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.api.CommandBody;
import io.continuity.api.CommandOptions;
import io.continuity.api.CommandReplies;
import io.continuity.api.Examples;
import io.continuity.api.JsonViews;
import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.CloudEventCodec;
import io.continuity.inputs.SchedulePlanBlockAssignmentEntity;
import io.continuity.inputs.SchedulePlanEntity;
import io.continuity.messaging.Commands;
import io.continuity.resolver.core.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A plan's block assignments over REST: POST publishes {@code continuity.assignment.added.v1}, PUT
 * {@code continuity.assignment.updated.v1}, DELETE {@code continuity.assignment.removed.v1} (answered 204: the
 * assignment no longer exists). The event's {@code channel_id} is the plan's; the record is keyed by it.
 */
@Path("/api/v1/plans/{planId}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class AssignmentResource {

    private final CloudEventCodec codec;
    private final Commands commands;

    public AssignmentResource(CloudEventCodec codec, Commands commands) {
        this.codec = codec;
        this.commands = commands;
    }

    /** An assignment as the projection holds it; a rule reference is shown as the rule object. */
    public record AssignmentView(UUID assignmentId, UUID planId, UUID channelId, String startTime, int duration, String contentType,
            JsonNode contentReference, UUID labelId, String episodePolicy, JsonNode playbackRules, String operatorIntent, long version,
            Instant createdAt, Instant updatedAt) {

        static AssignmentView of(SchedulePlanBlockAssignmentEntity a) {
            JsonNode reference = switch (ContentType.parse(a.contentType)) {
                case RULE, RANDOM -> JsonViews.tree(a.contentReference);
                case SERIES, ASSET, VIRTUAL_PACKAGE -> TextNode.valueOf(a.contentReference);
            };
            return new AssignmentView(a.id, a.planId, a.channelId, a.startTime, a.duration, a.contentType, reference, a.labelId,
                    a.episodePolicy, JsonViews.tree(a.playbackRules), a.operatorIntent, a.version, a.createdAt, a.updatedAt);
        }
    }

    @GET
    @Operation(summary = "The plan's assignments in schedule-time order")
    public List<AssignmentView> list(@PathParam("planId") UUID planId) {
        return QuarkusTransaction.requiringNew().call(() -> SchedulePlanBlockAssignmentEntity.ofPlan(planId).stream()
                .map(AssignmentView::of).toList());
    }

    @GET
    @Path("/{assignmentId}")
    @Operation(summary = "One assignment")
    public AssignmentView get(@PathParam("planId") UUID planId, @PathParam("assignmentId") UUID assignmentId) {
        return stored(planId, assignmentId);
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Add an assignment to the plan (continuity.assignment.added.v1)")
    public Response create(@PathParam("planId") UUID planId, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssignmentAdded.class), examples = {
                @ExampleObject(name = "series", value = Examples.ASSIGNMENT),
                @ExampleObject(name = "rule", value = Examples.ASSIGNMENT_RULE)})) byte[] body,
            @BeanParam CommandOptions options) {
        UUID channelId = channelOf(planId);
        AssignmentAdded event = CommandBody.of(codec, body).pathId("plan_id", planId).pathId("channel_id", channelId)
                .newIdUnlessGiven("assignment_id").as(AssignmentAdded.class);
        Commands.Outcome outcome = commands.send(event, channelId.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, Response.Status.CREATED, location(planId, event.assignmentId()),
                () -> stored(planId, event.assignmentId()));
    }

    @PUT
    @Path("/{assignmentId}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Change an assignment with its full state (continuity.assignment.updated.v1)")
    public Response update(@PathParam("planId") UUID planId, @PathParam("assignmentId") UUID assignmentId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentUpdated.class),
                    examples = @ExampleObject(name = "series", value = Examples.ASSIGNMENT))) byte[] body,
            @BeanParam CommandOptions options) {
        UUID channelId = channelOf(planId);
        AssignmentUpdated event = CommandBody.of(codec, body).pathId("plan_id", planId).pathId("channel_id", channelId)
                .pathId("assignment_id", assignmentId).as(AssignmentUpdated.class);
        Commands.Outcome outcome = commands.send(event, channelId.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, Response.Status.OK, location(planId, assignmentId), () -> stored(planId, assignmentId));
    }

    @DELETE
    @Path("/{assignmentId}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Remove an assignment (continuity.assignment.removed.v1); 204 once removed")
    public Response remove(@PathParam("planId") UUID planId, @PathParam("assignmentId") UUID assignmentId,
            @QueryParam("expected_version") Long expectedVersion, @BeanParam CommandOptions options) {
        UUID channelId = channelOf(planId);
        AssignmentRemoved event = CommandBody.empty(codec).pathId("plan_id", planId).pathId("channel_id", channelId)
                .pathId("assignment_id", assignmentId).expectedVersion(expectedVersion).as(AssignmentRemoved.class);
        Commands.Outcome outcome = commands.send(event, channelId.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.replyEmpty(outcome, location(planId, assignmentId));
    }

    private static String location(UUID planId, UUID assignmentId) {
        return "/api/v1/plans/" + planId + "/assignments/" + assignmentId;
    }

    /** The plan's channel: the event names it and is keyed by it. A plan that does not exist is a 404 of the URL. */
    private static UUID channelOf(UUID planId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SchedulePlanEntity plan = SchedulePlanEntity.findById(planId);
            if (plan == null) {
                throw ProblemException.notFound("no plan " + planId);
            }
            return plan.channelId;
        });
    }

    private static AssignmentView stored(UUID planId, UUID assignmentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SchedulePlanBlockAssignmentEntity assignment = SchedulePlanBlockAssignmentEntity.findById(assignmentId);
            if (assignment == null || !assignment.planId.equals(planId)) {
                throw ProblemException.notFound("no assignment " + assignmentId + " in plan " + planId);
            }
            return AssignmentView.of(assignment);
        });
    }
}
