package io.continuity.resolver.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A {@link PlayHistory} held in memory: callers fill it from as-run or playlog records with
 * {@link #record(UUID, Instant)}; {@link #plus(ResolvedDay)} returns a new history and leaves this one untouched.
 * Not thread-safe while it is being filled.
 */
public final class InMemoryPlayHistory implements PlayHistory {

    private final Map<UUID, NavigableSet<Instant>> startsByAsset = new HashMap<>();

    public static InMemoryPlayHistory empty() {
        return new InMemoryPlayHistory();
    }

    /** Records that {@code assetUuid} started airing at {@code start}; returns this history for chaining. */
    public InMemoryPlayHistory record(UUID assetUuid, Instant start) {
        startsByAsset.computeIfAbsent(assetUuid, k -> new TreeSet<>()).add(start);
        return this;
    }

    public InMemoryPlayHistory record(PlayRecord play) {
        return record(play.assetUuid(), play.start());
    }

    @Override
    public Optional<Instant> lastPlayed(UUID assetUuid, Instant before) {
        NavigableSet<Instant> starts = startsByAsset.get(assetUuid);
        return starts == null ? Optional.empty() : Optional.ofNullable(starts.lower(before));
    }

    @Override
    public InMemoryPlayHistory plus(ResolvedDay day) {
        InMemoryPlayHistory copy = new InMemoryPlayHistory();
        startsByAsset.forEach((uuid, starts) -> copy.startsByAsset.put(uuid, new TreeSet<>(starts)));
        for (ResolvedEvent event : day.events()) {
            if (event.assetUuid() != null) {
                copy.record(event.assetUuid(), event.start());
            }
        }
        return copy;
    }
}
