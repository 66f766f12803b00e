package io.continuity.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.api.CommandBody;
import io.continuity.api.CommandOptions;
import io.continuity.api.CommandReplies;
import io.continuity.api.Examples;
import io.continuity.api.JsonViews;
import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.ChannelRetired;
import io.continuity.events.CloudEventCodec;
import io.continuity.inputs.ChannelEntity;
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
 * Channels over REST. POST and PUT publish {@code continuity.channel.configured.v1}, DELETE publishes
 * {@code continuity.channel.retired.v1}; each waits for the projection (see {@link Commands}). A retired channel is
 * kept (its history stays queryable) but is no longer found by {@code GET /channels/{id}}.
 */
@Path("/api/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class ChannelResource {

    private final CloudEventCodec codec;
    private final Commands commands;

    public ChannelResource(CloudEventCodec codec, Commands commands) {
        this.codec = codec;
        this.commands = commands;
    }

    /** A channel as the projection holds it. */
    public record ChannelView(UUID channelId, String slug, String title, String timezone, int gridBlockMinutes,
            List<Integer> blockStartOffsetsMinutes, String programmingDayStart, JsonNode fillerRule, JsonNode defaultProgramming,
            ChannelConfigured.TimeShift timeShift, boolean retired, long version, Instant createdAt, Instant updatedAt) {

        static ChannelView of(ChannelEntity c) {
            return new ChannelView(c.id, c.slug, c.title, c.timezone, c.gridBlockMinutes, c.blockStartOffsetsMinutes, c.programmingDayStart,
                    JsonViews.tree(c.fillerRule), JsonViews.tree(c.defaultProgramming),
                    c.isTimeShifted() ? new ChannelConfigured.TimeShift(c.timeShiftSourceId, c.timeShiftMinutes) : null, c.retired, c.version,
                    c.createdAt, c.updatedAt);
        }
    }

    @GET
    @Operation(summary = "All channels, by slug; retired ones only with include_retired=true")
    public List<ChannelView> list(@QueryParam("include_retired") boolean includeRetired) {
        return QuarkusTransaction.requiringNew().call(() -> ChannelEntity.<ChannelEntity>list("order by slug").stream()
                .filter(c -> includeRetired || !c.retired).map(ChannelView::of).toList());
    }

    @GET
    @Path("/{channelId}")
    @Operation(summary = "One live channel")
    public ChannelView get(@PathParam("channelId") UUID channelId) {
        return view(channelId);
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Create a channel (continuity.channel.configured.v1); 409 if channel_id already exists")
    public Response create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChannelConfigured.class),
            examples = {@ExampleObject(name = "retro-tv", value = Examples.CHANNEL),
                @ExampleObject(name = "retro-tv-plus-1", summary = "a time-shifted copy of another channel", value = Examples.CHANNEL_PLUS_ONE)})) byte[] body,
            @BeanParam CommandOptions options) {
        ChannelConfigured event = CommandBody.of(codec, body).newIdUnlessGiven("channel_id").creating().as(ChannelConfigured.class);
        return configure(event, options);
    }

    @PUT
    @Path("/{channelId}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Reconfigure (or create) a channel with its full state (continuity.channel.configured.v1)")
    public Response update(@PathParam("channelId") UUID channelId, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChannelConfigured.class),
            examples = @ExampleObject(name = "retitle", value = Examples.CHANNEL_UPDATE))) byte[] body,
            @BeanParam CommandOptions options) {
        ChannelConfigured event = CommandBody.of(codec, body).pathId("channel_id", channelId).as(ChannelConfigured.class);
        return configure(event, options);
    }

    @DELETE
    @Path("/{channelId}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Retire a channel (continuity.channel.retired.v1); answers with the retired channel")
    public Response retire(@PathParam("channelId") UUID channelId, @QueryParam("expected_version") Long expectedVersion,
            @BeanParam CommandOptions options) {
        ChannelRetired event = CommandBody.empty(codec).pathId("channel_id", channelId).expectedVersion(expectedVersion)
                .as(ChannelRetired.class);
        Commands.Outcome outcome = commands.send(event, channelId.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, Response.Status.OK, location(channelId), () -> stored(channelId));
    }

    /** 201 when the channel is new (its first version), otherwise 200. */
    private Response configure(ChannelConfigured event, CommandOptions options) {
        Commands.Outcome outcome = commands.send(event, event.channelId().toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, location(event.channelId()), () -> stored(event.channelId()),
                v -> v.version() == 1 ? Response.Status.CREATED : Response.Status.OK);
    }

    private static String location(UUID channelId) {
        return "/api/v1/channels/" + channelId;
    }

    private static ChannelView view(UUID channelId) {
        ChannelView view = stored(channelId);
        if (view.retired()) {
            throw ProblemException.notFound("channel " + channelId + " is retired");
        }
        return view;
    }

    private static ChannelView stored(UUID channelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChannelEntity channel = ChannelEntity.findById(channelId);
            if (channel == null) {
                throw ProblemException.notFound("no channel " + channelId);
            }
            return ChannelView.of(channel);
        });
    }
}
