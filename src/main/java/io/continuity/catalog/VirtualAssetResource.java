package io.continuity.catalog;

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
import io.continuity.events.CloudEventCodec;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.inputs.VirtualAssetEntity;
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
 * Virtual assets over REST: POST and PUT publish {@code continuity.virtual-asset.defined.v1}. The v1 contract has no
 * event that removes one, so there is no DELETE; stop referring to it from assignments instead.
 */
@Path("/api/v1/virtual-assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class VirtualAssetResource {

    private final CloudEventCodec codec;
    private final Commands commands;

    public VirtualAssetResource(CloudEventCodec codec, Commands commands) {
        this.codec = codec;
        this.commands = commands;
    }

    /** A virtual asset as the projection holds it: either {@code asset_uuids} or {@code rule}. */
    public record VirtualAssetView(UUID virtualAssetUuid, String title, List<UUID> assetUuids, JsonNode rule, long version, Instant createdAt,
            Instant updatedAt) {

        static VirtualAssetView of(VirtualAssetEntity v) {
            return new VirtualAssetView(v.uuid, v.title, v.assetUuids, JsonViews.tree(v.rule), v.version, v.createdAt, v.updatedAt);
        }
    }

    @GET
    @Operation(summary = "All virtual assets by title")
    public List<VirtualAssetView> list() {
        return QuarkusTransaction.requiringNew().call(() -> VirtualAssetEntity.<VirtualAssetEntity>list("order by title, uuid").stream()
                .map(VirtualAssetView::of).toList());
    }

    @GET
    @Path("/{virtualAssetUuid}")
    @Operation(summary = "One virtual asset")
    public VirtualAssetView get(@PathParam("virtualAssetUuid") UUID uuid) {
        return stored(uuid);
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Define a virtual asset (continuity.virtual-asset.defined.v1); 409 if virtual_asset_uuid already exists")
    public Response create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VirtualAssetDefined.class), examples = {
                @ExampleObject(name = "fixed list", value = Examples.VIRTUAL_ASSET_LIST),
                @ExampleObject(name = "rule", value = Examples.VIRTUAL_ASSET_RULE)})) byte[] body,
            @BeanParam CommandOptions options) {
        return define(CommandBody.of(codec, body).newIdUnlessGiven("virtual_asset_uuid").creating().as(VirtualAssetDefined.class),
                options);
    }

    @PUT
    @Path("/{virtualAssetUuid}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Create or redefine a virtual asset (continuity.virtual-asset.defined.v1)")
    public Response update(@PathParam("virtualAssetUuid") UUID uuid, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VirtualAssetDefined.class),
            examples = @ExampleObject(name = "rule", value = Examples.VIRTUAL_ASSET_RULE))) byte[] body,
            @BeanParam CommandOptions options) {
        return define(CommandBody.of(codec, body).pathId("virtual_asset_uuid", uuid).as(VirtualAssetDefined.class), options);
    }

    private Response define(VirtualAssetDefined event, CommandOptions options) {
        Commands.Outcome outcome = commands.send(event, event.virtualAssetUuid().toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, "/api/v1/virtual-assets/" + event.virtualAssetUuid(), () -> stored(event.virtualAssetUuid()),
                v -> v.version() == 1 ? Response.Status.CREATED : Response.Status.OK);
    }

    private static VirtualAssetView stored(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            VirtualAssetEntity virtual = VirtualAssetEntity.findById(uuid);
            if (virtual == null) {
                throw ProblemException.notFound("no virtual asset " + uuid);
            }
            return VirtualAssetView.of(virtual);
        });
    }
}
