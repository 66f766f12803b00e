package io.continuity.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.continuity.api.CommandBody;
import io.continuity.api.CommandOptions;
import io.continuity.api.CommandReplies;
import io.continuity.api.Examples;
import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.PlanCreated;
import io.continuity.events.PlanRetired;
import io.continuity.events.PlanUpdated;
import io.continuity.inputs.SchedulePlanEntity;
import io.continuity.messaging.Commands;
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
 * A channel's schedule plans over REST: POST publishes {@code continuity.plan.created.v1}, PUT
 * {@code continuity.plan.updated.v1}, DELETE {@code continuity.plan.retired.v1}. Plans are retired, never deleted
 * (DESIGN.md §2): a retired plan stays readable with {@code is_active: false}, so the lineage of past ScheduleDays
 * still resolves.
 */
@Path("/api/v1/channels/{channelId}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class PlanResource {

    private final CloudEventCodec codec;
    private final Commands commands;

    public PlanResource(CloudEventCodec codec, Commands commands) {
        this.codec = codec;
        this.commands = commands;
    }

    /** A plan as the projection holds it. */
    public record PlanView(UUID planId, UUID channelId, String name, int priority, String cronExpression, LocalDate startDate,
            LocalDate endDate, @JsonProperty("is_active") boolean active, long version, Instant createdAt, Instant updatedAt) {

        static PlanView of(SchedulePlanEntity p) {
            return new PlanView(p.id, p.channelId, p.name, p.priority, p.cronExpression, p.startDate, p.endDate, p.active, p.version,
                    p.createdAt, p.updatedAt);
        }
    }

    @GET
    @Operation(summary = "The channel's plans, retired ones included (is_active false)")
    public List<PlanView> list(@PathParam("channelId") UUID channelId) {
        return QuarkusTransaction.requiringNew().call(() -> SchedulePlanEntity.ofChannel(channelId).stream().map(PlanView::of).toList());
    }

    @GET
    @Path("/{planId}")
    @Operation(summary = "One plan")
    public PlanView get(@PathParam("channelId") UUID channelId, @PathParam("planId") UUID planId) {
        return stored(channelId, planId);
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Create a plan on the channel (continuity.plan.created.v1)")
    public Response create(@PathParam("channelId") UUID channelId, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanCreated.class), examples = @ExampleObject(name = "weekdays", value = Examples.PLAN))) byte[] body,
            @BeanParam CommandOptions options) {
        PlanCreated event = CommandBody.of(codec, body).pathId("channel_id", channelId).newIdUnlessGiven("plan_id").as(PlanCreated.class);
        Commands.Outcome outcome = commands.send(event, channelId.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, Response.Status.CREATED, location(channelId, event.planId()), () -> stored(channelId, event.planId()));
    }

    @PUT
    @Path("/{planId}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Change a plan with its full state (continuity.plan.updated.v1)")
    public Response update(@PathParam("channelId") UUID channelId, @PathParam("planId") UUID planId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanUpdated.class),
                    examples = @ExampleObject(name = "winter", value = Examples.PLAN_UPDATE))) byte[] body,
            @BeanParam CommandOptions options) {
        PlanUpdated event = CommandBody.of(codec, body).pathId("channel_id", channelId).pathId("plan_id", planId).as(PlanUpdated.class);
        Commands.Outcome outcome = commands.send(event, channelId.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, Response.Status.OK, location(channelId, planId), () -> stored(channelId, planId));
    }

    @DELETE
    @Path("/{planId}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Retire a plan (continuity.plan.retired.v1); answers with the plan, now inactive")
    public Response retire(@PathParam("channelId") UUID channelId, @PathParam("planId") UUID planId,
            @QueryParam("expected_version") Long expectedVersion, @BeanParam CommandOptions options) {
        PlanRetired event = CommandBody.empty(codec).pathId("channel_id", channelId).pathId("plan_id", planId)
                .expectedVersion(expectedVersion).as(PlanRetired.class);
        Commands.Outcome outcome = commands.send(event, channelId.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, Response.Status.OK, location(channelId, planId), () -> stored(channelId, planId));
    }

    private static String location(UUID channelId, UUID planId) {
        return "/api/v1/channels/" + channelId + "/plans/" + planId;
    }

    private static PlanView stored(UUID channelId, UUID planId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SchedulePlanEntity plan = SchedulePlanEntity.findById(planId);
            if (plan == null || !plan.channelId.equals(channelId)) {
                throw ProblemException.notFound("no plan " + planId + " on channel " + channelId);
            }
            return PlanView.of(plan);
        });
    }
}
