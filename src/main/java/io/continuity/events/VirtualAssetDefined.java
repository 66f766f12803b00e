package io.continuity.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code continuity.virtual-asset.defined.v1}: a container that expands to concrete assets at resolution. */
public record VirtualAssetDefined(
        @NotNull UUID virtualAssetUuid,
        @NotBlank @Size(max = 500) String title,
        @Size(min = 1, max = 1000) List<@NotNull UUID> assetUuids,
        Map<String, Object> rule,
        Long expectedVersion) implements CatalogEvent {

    @Override
    public UUID aggregateId() {
        return virtualAssetUuid;
    }
}
