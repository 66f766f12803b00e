package io.continuity.events;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code continuity.asset.retired.v1}: the asset may no longer be scheduled. */
public record AssetRetired(@NotNull UUID assetUuid, Long expectedVersion) implements CatalogEvent {

    @Override
    public UUID aggregateId() {
        return assetUuid;
    }
}
