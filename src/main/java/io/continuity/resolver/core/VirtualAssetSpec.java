package io.continuity.resolver.core;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A VirtualAsset: either a fixed ordered list of assets or a rule; it expands to concrete, eligible assets when a
 * day is resolved. Exactly one of {@code assetUuids} (non-empty) and {@code rule} is set.
 */
public record VirtualAssetSpec(UUID uuid, String title, List<UUID> assetUuids, ContentRule rule) {

    public VirtualAssetSpec {
        Objects.requireNonNull(uuid, "uuid");
        assetUuids = assetUuids == null ? List.of() : List.copyOf(assetUuids);
        if (assetUuids.isEmpty() == (rule == null)) {
            throw new IllegalArgumentException("virtual asset " + uuid + " needs either asset_uuids or a rule");
        }
    }

    public boolean ruleBased() {
        return rule != null;
    }
}
