package io.continuity.catalog;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.common.Versions;
import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.CatalogEvent;
import io.continuity.events.EventJson;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.events.WireEnums;
import io.continuity.inputs.CatalogAssetRow;
import io.continuity.inputs.VirtualAssetEntity;
import io.continuity.plan.ContentRules;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies catalog events. References from virtual assets to assets are not checked here: they may live on other
 * partitions, so checking them would make the outcome depend on how topics interleave. Resolution checks
 * eligibility instead, at every layer.
 */
@ApplicationScoped
public class CatalogProjection {

    /** The row an upsert makes of the stored asset ({@code stored} null: the asset is new); nothing is written here. */
    public CatalogAssetRow upsert(AssetUpserted event, CatalogAssetRow stored, Instant at) {
        long version = stored == null ? 0 : stored.version();
        Versions.check(event.expectedVersion(), version, "asset " + event.assetUuid());
        validate(event);
        return new CatalogAssetRow(event.assetUuid(), event.title(), WireEnums.name(event.kind()), event.durationMs(), event.seriesId(),
                event.seriesTitle(), event.season(), event.episode(), event.syndicationOrder(), event.episodeTitle(), event.description(),
                event.genre(), event.rating(), event.tags(), event.addedAt(), event.state(), event.approvedForBroadcast(),
                Boolean.TRUE.equals(event.isDeleted()), false, event.media() == null ? null : json(event.media()), version + 1,
                stored == null ? at : stored.createdAt(), at);
    }

    /** The row a retirement makes of {@code asset} (null: there is no such asset, and the event is rejected). */
    public CatalogAssetRow retire(AssetRetired event, CatalogAssetRow asset, Instant at) {
        if (asset == null) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "asset_uuid", "no asset " + event.assetUuid());
        }
        Versions.check(event.expectedVersion(), asset.version(), "asset " + asset.uuid());
        return asset.retiredAt(at);
    }

    public void defineVirtual(VirtualAssetDefined event, Instant at) {
        validate(event);
        VirtualAssetEntity virtual = VirtualAssetEntity.findById(event.virtualAssetUuid());
        Versions.check(event.expectedVersion(), virtual == null ? 0 : virtual.version, "virtual asset " + event.virtualAssetUuid());
        if (virtual == null) {
            virtual = new VirtualAssetEntity();
            virtual.uuid = event.virtualAssetUuid();
            virtual.createdAt = at;
        }
        virtual.title = event.title();
        virtual.assetUuids = event.assetUuids() == null ? null : List.copyOf(event.assetUuids());
        virtual.rule = event.rule() == null ? null : json(event.rule());
        virtual.version++;
        virtual.updatedAt = at;
        virtual.persist();
    }

    /**
     * The checks a catalog event must pass that need no stored state, run before it is projected. Only what the
     * contract requires is required: an asset's series, season, episode, genre, rating, tags and {@code added_at}
     * are optional for every kind (an episode without {@code series_id} is a one-off special).
     *
     * @throws RejectedEventException naming the field at fault
     */
    public static void validate(CatalogEvent event) {
        switch (event) {
            case AssetUpserted e -> { }
            case AssetRetired e -> { }
            case VirtualAssetDefined e -> checkOneSource(e);
        }
    }

    private static void checkOneSource(VirtualAssetDefined event) {
        if ((event.assetUuids() == null) == (event.rule() == null)) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "asset_uuids", "give exactly one of asset_uuids and rule");
        }
        if (event.rule() != null) {
            ContentRules.validate(event.rule(), "rule");
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
