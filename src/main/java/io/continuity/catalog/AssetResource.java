package io.continuity.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.api.CommandBody;
import io.continuity.api.CommandOptions;
import io.continuity.api.CommandReplies;
import io.continuity.api.Examples;
import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.events.AssetMedia;
import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.EventJson;
import io.continuity.inputs.CatalogAssetEntity;
import io.continuity.messaging.Commands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
 * Catalog assets over REST: POST and PUT publish {@code continuity.asset.upserted.v1} (201 for a new asset, 200 for a
 * change), DELETE publishes {@code continuity.asset.retired.v1}. A retired asset is kept but no longer found by
 * {@code GET /assets/{uuid}}.
 */
@Path("/api/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class AssetResource {

    private static final int MAX_PAGE = 1000;

    private final CloudEventCodec codec;
    private final Commands commands;

    public AssetResource(CloudEventCodec codec, Commands commands) {
        this.codec = codec;
        this.commands = commands;
    }

    /** An asset as the projection holds it; {@code eligible} says whether resolution may schedule it. */
    public record AssetView(UUID assetUuid, String title, String kind, long durationMs, String seriesId, String seriesTitle, Integer season,
            Integer episode, Integer syndicationOrder, String episodeTitle, String description, String genre, String rating, List<String> tags,
            Instant addedAt, String state, boolean approvedForBroadcast,
            @JsonProperty("is_deleted") boolean deleted, boolean retired, boolean eligible, long version,
            Instant createdAt, Instant updatedAt, AssetMedia media) {

        static AssetView of(CatalogAssetEntity a) {
            return new AssetView(a.uuid, a.title, a.kind, a.durationMs, a.seriesId, a.seriesTitle, a.season, a.episode, a.syndicationOrder,
                    a.episodeTitle, a.description, a.genre, a.rating, a.tags, a.addedAt, a.state, a.approvedForBroadcast, a.deleted, a.retired,
                    a.eligible(), a.version, a.createdAt, a.updatedAt, media(a.media));
        }

        private static AssetMedia media(String json) {
            try {
                return json == null ? null : EventJson.mapper().readValue(json, AssetMedia.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored media of an asset is not the wire object", e);
            }
        }
    }

    @GET
    @Operation(summary = "Live assets by title, optionally of one kind or series; at most 1000 per page (page from 0)")
    public List<AssetView> list(@QueryParam("kind") String kind, @QueryParam("series_id") String seriesId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0) {
            throw ProblemException.badParameter("page", "must not be negative");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.badParameter("size", "must be 1 to " + MAX_PAGE);
        }
        StringBuilder where = new StringBuilder("retired = false");
        Parameters parameters = new Parameters();
        if (kind != null) {
            where.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (seriesId != null) {
            where.append(" and seriesId = :series");
            parameters.and("series", seriesId);
        }
        return QuarkusTransaction.requiringNew().call(() -> CatalogAssetEntity.<CatalogAssetEntity>find(where + " order by title, uuid",
                parameters).page(page, size).list().stream().map(AssetView::of).toList());
    }

    @GET
    @Path("/{assetUuid}")
    @Operation(summary = "One live asset")
    public AssetView get(@PathParam("assetUuid") UUID assetUuid) {
        AssetView view = stored(assetUuid);
        if (view.retired()) {
            throw ProblemException.notFound("asset " + assetUuid + " is retired");
        }
        return view;
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Add an asset to the catalog (continuity.asset.upserted.v1); 409 if asset_uuid already exists")
    public Response create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssetUpserted.class), examples = @ExampleObject(name = "episode", value = Examples.ASSET))) byte[] body,
            @BeanParam CommandOptions options) {
        return upsert(CommandBody.of(codec, body).newIdUnlessGiven("asset_uuid").creating().as(AssetUpserted.class), options);
    }

    @PUT
    @Path("/{assetUuid}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Create or change an asset with its full state (continuity.asset.upserted.v1)")
    public Response update(@PathParam("assetUuid") UUID assetUuid, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssetUpserted.class), examples = @ExampleObject(name = "episode", value = Examples.ASSET))) byte[] body,
            @BeanParam CommandOptions options) {
        return upsert(CommandBody.of(codec, body).pathId("asset_uuid", assetUuid).as(AssetUpserted.class), options);
    }

    @DELETE
    @Path("/{assetUuid}")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Retire an asset (continuity.asset.retired.v1): future events that used it fall back")
    public Response retire(@PathParam("assetUuid") UUID assetUuid, @QueryParam("expected_version") Long expectedVersion,
            @BeanParam CommandOptions options) {
        AssetRetired event = CommandBody.empty(codec).pathId("asset_uuid", assetUuid).expectedVersion(expectedVersion)
                .as(AssetRetired.class);
        Commands.Outcome outcome = commands.send(event, assetUuid.toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, Response.Status.OK, location(assetUuid), () -> stored(assetUuid));
    }

    private Response upsert(AssetUpserted event, CommandOptions options) {
        Commands.Outcome outcome = commands.send(event, event.assetUuid().toString(), options.commandId(), options.preferredWait());
        return CommandReplies.reply(outcome, location(event.assetUuid()), () -> stored(event.assetUuid()),
                v -> v.version() == 1 ? Response.Status.CREATED : Response.Status.OK);
    }

    private static String location(UUID assetUuid) {
        return "/api/v1/assets/" + assetUuid;
    }

    private static AssetView stored(UUID assetUuid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CatalogAssetEntity asset = CatalogAssetEntity.findById(assetUuid);
            if (asset == null) {
                throw ProblemException.notFound("no asset " + assetUuid);
            }
            return AssetView.of(asset);
        });
    }
}
