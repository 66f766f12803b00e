package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssetBuilder.episode;
import static io.continuity.resolver.core.AssetBuilder.movie;
import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.decisions;
import static io.continuity.resolver.core.DayChecks.local;
import static io.continuity.resolver.core.DayChecks.programStarts;
import static io.continuity.resolver.core.DayChecks.programTitles;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The four examples of seed 003 (SchedulePlanBlockAssignment), resolved end to end. */
class SeedExamplesTest {

    @Test
    void morningCartoonsPlayInSyndicationOrderThenSeasonEpisodeOrderAcrossDays() {
        CatalogAsset first = episode("tom-and-jerry", 1, 1, 7).seriesTitle("Tom & Jerry").syndication(2).build();
        CatalogAsset second = episode("tom-and-jerry", 1, 2, 7).seriesTitle("Tom & Jerry").syndication(1).build();
        CatalogAsset third = episode("tom-and-jerry", 1, 3, 7).seriesTitle("Tom & Jerry").syndication(3).build();
        CatalogAsset unnumbered = episode("tom-and-jerry", 2, 1, 7).seriesTitle("Tom & Jerry").build();
        Scenario weekdays = scenario().assets(first, second, third, unnumbered)
                .plan(plan("Weekday").cron("* * * * 1-5")
                        .with(at("06:00", 30).series("Tom & Jerry", EpisodePolicy.SYNDICATION)));

        List<ResolvedDay> week = weekdays.resolveDays("2026-01-05", 5);

        assertThat(week).extracting(day -> programs(day).get(0).assetUuid())
                .containsExactly(second.uuid(), first.uuid(), third.uuid(), unnumbered.uuid(), second.uuid());
        ResolvedDay monday = week.get(0);
        ResolvedEvent cartoon = programs(monday).get(0);
        assertThat(local(weekdays.channel(), cartoon.start())).isEqualTo("06:00");
        assertThat(local(weekdays.channel(), cartoon.end())).isEqualTo("06:07");
        assertThat(monday.events()).filteredOn(e -> !e.start().isBefore(cartoon.end())
                        && e.start().isBefore(cartoon.end().plusSeconds(23 * 60)))
                .extracting(ResolvedEvent::kind).containsOnly(EventKind.FILLER);
        week.forEach(DayChecks::assertCoversDayExactly);
    }

    @Test
    void primeTimeDramaRulePicksOnlyFittingDramasAndAvoidsRepeats() {
        CatalogAsset amber = movie("Amber", 95).genre("drama").build();
        CatalogAsset birch = movie("Birch", 110).genre("drama").build();
        Scenario primeTime = scenario()
                .assets(amber, birch, movie("Cedar", 140).genre("drama").build(),
                        movie("Short Drama", 85).genre("drama").build(),
                        movie("Long Drama", 160).genre("drama").build(),
                        movie("A Comedy", 100).genre("comedy").build(),
                        movie("Pending Drama", 100).genre("drama").pending().build())
                .plan(plan("Weekday").with(at("20:00", 120)
                        .rule(Map.of("genre", "drama", "min_duration", 90, "max_duration", 150))
                        .playback(Map.of("avoid_repeats", true, "prefer_recent", false))));

        List<ResolvedDay> days = primeTime.resolveDays("2026-02-02", 3);

        assertThat(days).extracting(DayChecks::programTitles)
                .containsExactly(List.of("Amber"), List.of("Birch"), List.of("Amber"));
        assertThat(programStarts(days.get(1), primeTime.channel())).containsExactly("20:00");
        assertThat(local(primeTime.channel(), programs(days.get(1)).get(0).end())).isEqualTo("21:50");
        assertThat(decisions(days.get(2), Decision.Kind.REPEAT_RELAXED)).hasSize(1);
        assertThat(days.get(2).warnings()).noneMatch(d -> d.kind() == Decision.Kind.SCARCITY);
    }

    @Test
    void cheersSeasonalPrefersHolidayEpisodesThenSeasonEpisodes() {
        CatalogAsset pilot = episode("cheers", 1, 1, 25).build();
        CatalogAsset party = episode("cheers", 1, 2, 25).tags("christmas").build();
        CatalogAsset snow = episode("cheers", 1, 3, 25).tags("Winter").build();
        CatalogAsset santa = episode("cheers", 1, 4, 25).tags("christmas", "winter").build();
        Scenario holiday = scenario().assets(pilot, party, snow, santa)
                .plan(plan("Holiday").with(at("19:00", 30).series("cheers", EpisodePolicy.SEASONAL)));

        List<ResolvedDay> christmas = holiday.resolveDays("2025-12-25", 3);
        ResolvedDay july = holiday.resolve("2025-07-01");

        assertThat(christmas).extracting(day -> programs(day).get(0).assetUuid())
                .containsExactly(party.uuid(), santa.uuid(), snow.uuid());
        assertThat(programs(july)).extracting(ResolvedEvent::assetUuid).containsExactly(pilot.uuid());
        assertThat(decisions(christmas.get(0), Decision.Kind.SELECTED))
                .anyMatch(d -> d.message().contains("tagged 'christmas'"));
    }

    @Test
    void lateNightVirtualPackageRotatesLeastRecentlyUsedAndSkipsIneligibleMembers() {
        CatalogAsset metropolis = movie("Metropolis", 50).build();
        CatalogAsset nosferatu = movie("Nosferatu", 55).build();
        CatalogAsset general = movie("The General", 60).unapproved().build();
        CatalogAsset sunrise = movie("Sunrise", 45).build();
        VirtualAssetSpec classics = new VirtualAssetSpec(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"),
                "Classic Movies", List.of(metropolis.uuid(), nosferatu.uuid(), general.uuid(), sunrise.uuid()),
                null);
        Scenario lateNight = scenario().assets(metropolis, nosferatu, general, sunrise).virtualAsset(classics)
                .plan(plan("Weekday").with(at("22:00", 120).virtualPackage(classics)
                        .playback(Map.of("rotation", "least-recently-used", "avoid_repeats", true))));

        List<ResolvedDay> days = lateNight.resolveDays("2026-02-02", 2);

        assertThat(programTitles(days.get(0))).containsExactly("Metropolis", "Nosferatu");
        assertThat(programStarts(days.get(0), lateNight.channel())).containsExactly("22:00", "23:00");
        assertThat(programTitles(days.get(1))).containsExactly("Sunrise", "Metropolis");
        assertThat(decisions(days.get(1), Decision.Kind.REPEAT_RELAXED)).hasSize(1);
        days.forEach(day -> assertThat(day.events()).noneMatch(e -> general.uuid().equals(e.assetUuid())));
        days.forEach(DayChecks::assertCoversDayExactly);
    }

    @Test
    void everySeedExampleCoversTheDayExactly() {
        CatalogAsset drama = movie("Drama", 100).genre("drama").build();
        ResolvedDay day = scenario().assets(drama)
                .plan(plan("Weekday").with(at("20:00", 120).rule(Map.of("genre", "drama"))))
                .resolve("2026-02-02");

        assertCoversDayExactly(day);
        assertThat(decisions(day, Decision.Kind.UNASSIGNED)).allMatch(Decision::isWarning).hasSize(2);
    }
}
