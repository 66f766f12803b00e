package io.continuity.resolver.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one resolution needs: a snapshot of the channel, all of its plans (the resolver picks the matching
 * ones), the catalog, the play history before the day, the seed generation, any frozen prefix to keep and the
 * carry-over of the previous day.
 *
 * @param seedGeneration bumps deliberately change random choices; replays with the same value repeat them
 * @param frozenPrefix   events kept from a previous version, contiguous from the day start; may be empty
 * @param carryIn        the previous day's {@link ResolvedDay#carryOut()}: events that air from this day's start
 *                       because an assignment of the previous day runs past its end; may be empty. Where the frozen
 *                       prefix also covers them, the frozen prefix wins
 * @param notAired       events judged not to have aired (as-run MISSING or SUBSTITUTED): kept where they are in the
 *                       frozen prefix, but rotation, sequence and repeat avoidance do not count them as played
 */
public record ResolveRequest(ChannelSpec channel, LocalDate broadcastDay, List<PlanSpec> plans, CatalogView catalog,
                             PlayHistory history, int seedGeneration, List<ResolvedEvent> frozenPrefix,
                             List<ResolvedEvent> carryIn, Set<UUID> notAired) {

    public ResolveRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(broadcastDay, "broadcastDay");
        Objects.requireNonNull(catalog, "catalog");
        plans = plans == null ? List.of() : List.copyOf(plans);
        history = history == null ? PlayHistory.empty() : history;
        frozenPrefix = frozenPrefix == null ? List.of() : List.copyOf(frozenPrefix);
        carryIn = carryIn == null ? List.of() : List.copyOf(carryIn);
        notAired = notAired == null ? Set.of() : Set.copyOf(notAired);
    }

    /** A request in which every kept event counts as played. */
    public ResolveRequest(ChannelSpec channel, LocalDate broadcastDay, List<PlanSpec> plans, CatalogView catalog,
                          PlayHistory history, int seedGeneration, List<ResolvedEvent> frozenPrefix, List<ResolvedEvent> carryIn) {
        this(channel, broadcastDay, plans, catalog, history, seedGeneration, frozenPrefix, carryIn, Set.of());
    }

    /** A request without carry-in (the previous day ends on its own day end). */
    public ResolveRequest(ChannelSpec channel, LocalDate broadcastDay, List<PlanSpec> plans, CatalogView catalog,
                          PlayHistory history, int seedGeneration, List<ResolvedEvent> frozenPrefix) {
        this(channel, broadcastDay, plans, catalog, history, seedGeneration, frozenPrefix, List.of());
    }

    /** The same request with {@code events} (the previous day's carry-out) as carry-in. */
    public ResolveRequest withCarryIn(List<ResolvedEvent> events) {
        return new ResolveRequest(channel, broadcastDay, plans, catalog, history, seedGeneration, frozenPrefix, events, notAired);
    }

    /** The same request for another day with another history, no frozen prefix and no carry-in. */
    public ResolveRequest forDay(LocalDate day, PlayHistory dayHistory) {
        return new ResolveRequest(channel, day, plans, catalog, dayHistory, seedGeneration, List.of(), List.of());
    }
}
