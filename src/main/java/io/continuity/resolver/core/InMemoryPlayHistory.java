package io.continuity.resolver.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link PlayHistory} held in memory: callers fill it from as-run or playlog records with
 * {@link #record(UUID, Instant)}; {@link #plus(ResolvedDay)} returns a new history and leaves this one untouched.
 * Not thread-safe while it is being filled.
 *
 * <p>Each asset's starts are a sorted array without duplicates. Records almost always arrive in time order (a day's
 * events, one day after the other), so recording appends and "the latest start before T" looks at the last start
 * first; out-of-order records are inserted in place.
 */
public final class InMemoryPlayHistory implements PlayHistory {

    private final Map<UUID, Starts> startsByAsset;

    private InMemoryPlayHistory(Map<UUID, Starts> startsByAsset) {
        this.startsByAsset = startsByAsset;
    }

    public static InMemoryPlayHistory empty() {
        return new InMemoryPlayHistory(new HashMap<>());
    }

    /** Records that {@code assetUuid} started airing at {@code start}; returns this history for chaining. */
    public InMemoryPlayHistory record(UUID assetUuid, Instant start) {
        Starts starts = startsByAsset.get(assetUuid);
        if (starts == null) {
            starts = new Starts();
            startsByAsset.put(assetUuid, starts);
        }
        starts.add(start);
        return this;
    }

    public InMemoryPlayHistory record(PlayRecord play) {
        return record(play.assetUuid(), play.start());
    }

    /** Records every asset-carrying event of {@code day} in this history; returns it. */
    InMemoryPlayHistory recordAll(ResolvedDay day) {
        for (ResolvedEvent event : day.events()) {
            if (event.assetUuid() != null) {
                record(event.assetUuid(), event.start());
            }
        }
        return this;
    }

    @Override
    public Optional<Instant> lastPlayed(UUID assetUuid, Instant before) {
        Starts starts = startsByAsset.get(assetUuid);
        return starts == null ? Optional.empty() : Optional.ofNullable(starts.lower(before));
    }

    /** The same answer as {@link PlayHistory#lastPlayedAmong}, without an {@link Optional} per asset. */
    @Override
    public Optional<PlayRecord> lastPlayedAmong(Collection<UUID> assetUuids, Instant before) {
        UUID latestUuid = null;
        Instant latest = null;
        for (UUID uuid : assetUuids) {
            Starts starts = startsByAsset.get(uuid);
            Instant played = starts == null ? null : starts.lower(before);
            if (played != null && (latest == null || played.isAfter(latest))) {
                latest = played;
                latestUuid = uuid;
            }
        }
        return latest == null ? Optional.empty() : Optional.of(new PlayRecord(latestUuid, latest));
    }

    /** Whether nothing has been recorded. */
    boolean isEmpty() {
        return startsByAsset.isEmpty();
    }

    @Override
    public InMemoryPlayHistory plus(ResolvedDay day) {
        Map<UUID, Starts> copy = new HashMap<>();
        startsByAsset.forEach((uuid, starts) -> copy.put(uuid, starts.copy()));
        return new InMemoryPlayHistory(copy).recordAll(day);
    }

    /** The starts of one asset: sorted, distinct. */
    private static final class Starts {

        private Instant[] starts = new Instant[2];
        private int size;

        void add(Instant start) {
            if (size == 0 || start.isAfter(starts[size - 1])) {
                append(start);
                return;
            }
            int at = Arrays.binarySearch(starts, 0, size, start);
            if (at >= 0) {
                return;
            }
            append(null);
            int insert = -at - 1;
            System.arraycopy(starts, insert, starts, insert + 1, size - 1 - insert);
            starts[insert] = start;
        }

        private void append(Instant start) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
            }
            starts[size++] = start;
        }

        /** The latest start strictly before {@code before}, or null. */
        Instant lower(Instant before) {
            if (size == 0) {
                return null;
            }
            if (starts[size - 1].isBefore(before)) {
                return starts[size - 1];
            }
            int at = Arrays.binarySearch(starts, 0, size, before);
            int index = at >= 0 ? at - 1 : -at - 2;
            return index >= 0 ? starts[index] : null;
        }

        Starts copy() {
            Starts copy = new Starts();
            copy.starts = Arrays.copyOf(starts, Math.max(2, size));
            copy.size = size;
            return copy;
        }
    }
}
