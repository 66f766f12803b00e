package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of every resolved day over random channels, plans and catalogs, around DST changes in several zones:
 * exact coverage, programme starts on the grid, never a cut or ineligible asset (except the split at a day end
 * that carries over), every event labelled with its day, and identical output for identical input, also when the
 * next day is resolved alone from the previous day's carry-out.
 */
class ResolverProperties {

    private static final Resolver RESOLVER = new Resolver();

    @Property(tries = 500)
    void resolvedDaysAreExactOnGridEligibleAndRepeatable(@ForAll("zones") String zone, @ForAll("grids") int grid,
                                                        @ForAll @IntRange(min = 0, max = 59) int offsetSeed,
                                                        @ForAll @IntRange(min = 0, max = 23) int dayStartHour,
                                                        @ForAll("dates") LocalDate firstDay, @ForAll long seed) {
        RandomWorld world = RandomWorld.build(seed, zone, grid, offsetSeed, dayStartHour);

        List<ResolvedDay> days = RESOLVER.resolveDays(world.request(firstDay), 3);

        for (ResolvedDay day : days) {
            checkDay(world, day);
        }
        assertThat(RESOLVER.resolve(world.request(firstDay))).isEqualTo(days.get(0));
        ResolveRequest secondAlone = world.request(firstDay).forDay(firstDay.plusDays(1),
                PlayHistory.empty().plus(days.get(0))).withCarryIn(days.get(0).carryOut());
        assertThat(RESOLVER.resolve(secondAlone)).isEqualTo(days.get(1));
    }

    @Property(tries = 200)
    void anyFrozenPrefixIsKeptAndCoverageStaysExact(@ForAll("zones") String zone, @ForAll("grids") int grid,
                                                   @ForAll @IntRange(min = 0, max = 23) int dayStartHour,
                                                   @ForAll("dates") LocalDate day, @ForAll long seed,
                                                   @ForAll @IntRange(min = 1, max = 400) int cut) {
        RandomWorld world = RandomWorld.build(seed, zone, grid, 0, dayStartHour);
        ResolvedDay original = RESOLVER.resolve(world.request(day));
        List<ResolvedEvent> frozen = original.events().subList(0, Math.min(cut, original.events().size()));
        ResolveRequest again = new ResolveRequest(world.channel(), day, world.plans(), world.catalog(),
                PlayHistory.empty(), 1, frozen);

        ResolvedDay resolved = RESOLVER.resolve(again);

        assertThat(resolved.events().subList(0, frozen.size())).isEqualTo(frozen);
        checkDay(world, resolved);
    }

    private static void checkDay(RandomWorld world, ResolvedDay day) {
        DayChecks.assertCoversDayExactly(day);
        ChannelGrid grid = new ChannelGrid(world.channel());
        Set<UUID> eligible = world.eligibleAssets();
        Map<UUID, CatalogAsset> assets = world.assets().stream()
                .collect(Collectors.toMap(CatalogAsset::uuid, Function.identity()));
        for (ResolvedEvent event : day.events()) {
            assertThat(BroadcastDays.broadcastDayOf(world.channel(), event.start())).isEqualTo(day.broadcastDay());
            if (event.assetUuid() != null) {
                assertThat(eligible).as("eligible %s", event).contains(event.assetUuid());
                long expected = assets.get(event.assetUuid()).durationMs() - event.offsetMs();
                if (event.end().equals(day.dayEnd()) && !day.carryOut().isEmpty()) {
                    assertThat(event.duration()).as("split at the day end: %s", event)
                            .isLessThanOrEqualTo(Duration.ofMillis(expected));
                } else {
                    assertThat(event.duration()).as("never cut: %s", event).isEqualTo(Duration.ofMillis(expected));
                }
            }
            if (event.kind() == EventKind.PROGRAM || event.kind() == EventKind.FALLBACK) {
                assertThat(grid.isBoundary(event.start())).as("on grid: %s", event).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC");
    }

    @Provide
    Arbitrary<Integer> grids() {
        return Arbitraries.of(15, 30, 60);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        Arbitrary<LocalDate> changes = Arbitraries.of("2026-03-07", "2026-03-28", "2026-04-04", "2026-10-03",
                "2026-10-24", "2026-10-31", "2025-12-24").map(LocalDate::parse);
        Arbitrary<LocalDate> anyDay = Arbitraries.integers().between(0, 3 * 365)
                .map(offset -> LocalDate.parse("2025-01-01").plusDays(offset));
        return Arbitraries.oneOf(changes, anyDay);
    }
}
