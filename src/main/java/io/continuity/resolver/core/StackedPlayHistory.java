package io.continuity.resolver.core;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Two histories read as one: the latest airing found in either wins. */
final class StackedPlayHistory implements PlayHistory {

    private final PlayHistory older;
    private final PlayHistory newer;

    StackedPlayHistory(PlayHistory older, PlayHistory newer) {
        this.older = older;
        this.newer = newer;
    }

    @Override
    public Optional<Instant> lastPlayed(UUID assetUuid, Instant before) {
        Optional<Instant> recent = newer.lastPlayed(assetUuid, before);
        Optional<Instant> old = older.lastPlayed(assetUuid, before);
        if (recent.isEmpty()) {
            return old;
        }
        if (old.isEmpty() || recent.get().isAfter(old.get())) {
            return recent;
        }
        return old;
    }
}
