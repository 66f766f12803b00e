package io.continuity.resolver.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one resolution needs: a snapshot of the channel, all of its plans (the resolver picks the matching
 * ones), the catalog, the play history before the day, the seed generation and any frozen prefix to keep.
 *
 * @param seedGeneration bumps deliberately change random choices; replays with the same value repeat them
 * @param frozenPrefix   events kept from a previous version, contiguous from the day start; may be empty
 */
public record ResolveRequest(ChannelSpec channel, LocalDate broadcastDay, List<PlanSpec> plans, CatalogView catalog,
                             PlayHistory history, int seedGeneration, List<ResolvedEvent> frozenPrefix) {

    public ResolveRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(broadcastDay, "broadcastDay");
        Objects.requireNonNull(catalog, "catalog");
        plans = plans == null ? List.of() : List.copyOf(plans);
        history = history == null ? PlayHistory.empty() : history;
        frozenPrefix = frozenPrefix == null ? List.of() : List.copyOf(frozenPrefix);
    }

    /** The same request for another day with another history and no frozen prefix. */
    public ResolveRequest forDay(LocalDate day, PlayHistory dayHistory) {
        return new ResolveRequest(channel, day, plans, catalog, dayHistory, seedGeneration, List.of());
    }
}
