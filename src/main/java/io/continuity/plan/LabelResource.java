package io.continuity.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.continuity.api.CommandBody;
import io.continuity.api.CommandOptions;
import io.continuity.api.CommandReplies;
import io.continuity.api.Examples;
import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.LabelDefined;
import io.continuity.messaging.Commands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A channel's plan labels over REST: POST and PUT publish {@code continuity.label.defined.v1}. The contract has no
 * event that removes a label, so there is no DELETE.
 */
@Path("/api/v1/channels/{channelId}/labels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class LabelResource {

    private final CloudEventCodec codec;
    private final Commands commands;

    public LabelResource(CloudEventCodec codec, Commands commands) {
        this.codec = codec;
        this.commands = commands;
    }

    /** A label as the projection holds it. */
    public record LabelView(UUID labelId, UUID channelId, String name, String color, long version, Instant createdAt, Instant updatedAt) {

        static LabelView of(SchedulePlanLabelEntity l) {
            return new LabelView(l.id, l.channelId, l.name, l.color, l.version, l.createdAt, l.updatedAt);
        }
    }

    @GET
    @Operation(summary = "The channel's labels")
    public List<LabelView> list(@PathParam("channelId") UUID channelId) {
        return QuarkusTransaction.requiringNew().call(() -> SchedulePlanLabelEntity.<SchedulePlanLabelEntity>list("channelId = ?1 order by name",
                channelId).stream().map(LabelView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Define a label (continuity.label.defined.v1)")
    public Response create(@PathParam("channelId") UUID channelId, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LabelDefined.class), examples = @ExampleObject(name = "prime-time", value = Examples.LABEL))) byte[] body,
            @BeanParam CommandOptions options) {
        LabelDefined event = CommandBody.of(codec, body).pathId("channel_id", channelId).newIdUnlessGiven("label_id").creating()
                .as(LabelDefined.class);
        return send(event, options, Response.Status.CREATED);
    }

    @PUT
    @Path("/{labelId}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Rename or recolour a label (continuity.label.defined.v1)")
    public Response update(@PathParam("channelId") UUID channelId, @PathParam("labelId") UUID labelId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LabelDefined.class),
                    examples = @ExampleObject(name = "prime-time", value = Examples.LABEL))) byte[] body,
            @BeanParam CommandOptions options) {
        LabelDefined event = CommandBody.of(codec, body).pathId("channel_id", channelId).pathId("label_id", labelId).as(LabelDefined.class);
        return send(event, options, Response.Status.OK);
    }

    private Response send(LabelDefined event, CommandOptions options, Response.Status status) {
        Commands.Outcome outcome = commands.send(event, event.channelId().toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, status, "/api/v1/channels/" + event.channelId() + "/labels", () -> stored(event.labelId()));
    }

    private static LabelView stored(UUID labelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SchedulePlanLabelEntity label = SchedulePlanLabelEntity.findById(labelId);
            if (label == null) {
                throw ProblemException.notFound("no label " + labelId);
            }
            return LabelView.of(label);
        });
    }
}
