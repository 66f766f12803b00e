package io.continuity.events;

import java.util.UUID;

/** Records of {@code continuity.catalog-events}, keyed by asset (or virtual asset) uuid. */
public sealed interface CatalogEvent extends ContinuityEvent permits AssetUpserted, AssetRetired, VirtualAssetDefined {

    /** The uuid the record must be keyed by. */
    UUID aggregateId();
}
