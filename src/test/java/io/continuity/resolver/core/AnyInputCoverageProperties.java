package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Resolution never fails on valid input: for any channel, plans, rules and catalog the contract accepts (see
 * {@link AnyInputWorld}), {@link Resolver#resolve} returns a day that covers {@code [dayStart, dayEnd)} exactly, with
 * no hole and no overlap, on ordinary days and on days when the clocks change.
 */
class AnyInputCoverageProperties {

    private static final Resolver RESOLVER = new Resolver();

    @Property(tries = 200)
    void everyValidInputResolvesToAnExactlyCoveredDay(@ForAll("zones") String zone, @ForAll("grids") int grid,
                                                     @ForAll @IntRange(min = 0, max = 59) int offsetSeed,
                                                     @ForAll @IntRange(min = 0, max = 23) int dayStartHour,
                                                     @ForAll("dates") LocalDate day, @ForAll long seed) {
        AnyInputWorld world = AnyInputWorld.build(seed, zone, grid, offsetSeed, dayStartHour);

        ResolvedDay resolved = RESOLVER.resolve(world.request(day));

        assertThat(resolved.dayStart()).as(world.description()).isEqualTo(BroadcastDays.dayStart(world.channel(), day));
        assertThat(resolved.dayEnd()).as(world.description()).isEqualTo(BroadcastDays.dayEnd(world.channel(), day));
        assertThat(resolved.events()).as(world.description())
                .allSatisfy(event -> assertThat(event.end()).as("%s", event).isAfter(event.start()));
        DayChecks.assertCoversDayExactly(resolved);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(AnyInputWorld.ZONES);
    }

    @Provide
    Arbitrary<Integer> grids() {
        return Arbitraries.of(15, 30, 60);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        Arbitrary<LocalDate> clockChanges = Arbitraries.of("2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04",
                "2026-10-25", "2026-11-01", "2025-12-25").map(LocalDate::parse);
        Arbitrary<LocalDate> anyDay = Arbitraries.integers().between(0, 2 * 365)
                .map(offset -> LocalDate.parse("2025-06-01").plusDays(offset));
        return Arbitraries.oneOf(clockChanges, anyDay);
    }
}
