package io.continuity.resolver.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * What aired on one channel before the day being resolved: as-run where it exists, else what was scheduled.
 * Rotation rules (sequential position, least-recently-used, avoid_repeats) read it; the resolver layers the day's
 * own events on top while it works, and {@link #plus(ResolvedDay)} carries a resolved day into the next one.
 */
public interface PlayHistory {

    /** The latest start of {@code assetUuid} strictly before {@code before}. */
    Optional<Instant> lastPlayed(UUID assetUuid, Instant before);

    /**
     * The latest airing among {@code assetUuids} strictly before {@code before}. With a series' episodes this is
     * "the last episode of the series played before T", which fixes the sequential position.
     */
    default Optional<PlayRecord> lastPlayedAmong(Collection<UUID> assetUuids, Instant before) {
        PlayRecord latest = null;
        for (UUID uuid : assetUuids) {
            Optional<Instant> played = lastPlayed(uuid, before);
            if (played.isPresent() && (latest == null || played.get().isAfter(latest.start()))) {
                latest = new PlayRecord(uuid, played.get());
            }
        }
        return Optional.ofNullable(latest);
    }

    /** This history followed by every asset-carrying event of {@code day}. */
    default PlayHistory plus(ResolvedDay day) {
        return new StackedPlayHistory(this, InMemoryPlayHistory.empty().plus(day));
    }

    static PlayHistory empty() {
        return InMemoryPlayHistory.empty();
    }
}
