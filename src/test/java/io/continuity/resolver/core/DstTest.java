package io.continuity.resolver.core;

import static io.continuity.resolver.core.AssignmentBuilder.at;
import static io.continuity.resolver.core.ChannelBuilder.channel;
import static io.continuity.resolver.core.DayChecks.assertCoversDayExactly;
import static io.continuity.resolver.core.DayChecks.between;
import static io.continuity.resolver.core.DayChecks.decisions;
import static io.continuity.resolver.core.DayChecks.programStarts;
import static io.continuity.resolver.core.DayChecks.programs;
import static io.continuity.resolver.core.PlanBuilder.plan;
import static io.continuity.resolver.core.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** America/New_York on its 23-hour (2026-03-08) and 25-hour (2026-11-01) broadcast days. */
class DstTest {

    private static Scenario allDaySitcoms() {
        return scenario().channel(channel().zone("America/New_York"))
                .assets(AssetBuilder.series("sitcom", 60, 22))
                .plan(plan("Daily").with(at("00:00", 1440).series("sitcom", EpisodePolicy.SEQUENTIAL)));
    }

    @Test
    void springForwardDayLasts23HoursAndHasNoBoundariesInsideTheGap() {
        Scenario scenario = allDaySitcoms();

        ResolvedDay day = scenario.resolve("2026-03-08");

        assertThat(Duration.between(day.dayStart(), day.dayEnd())).isEqualTo(Duration.ofHours(23));
        List<String> starts = programStarts(day, scenario.channel());
        assertThat(starts).hasSize(46).contains("01:30", "03:00").noneMatch(s -> s.startsWith("02:"));
        assertThat(starts.get(starts.indexOf("01:30") + 1)).isEqualTo("03:00");
        assertThat(decisions(day, Decision.Kind.DAY_LENGTH)).hasSize(1);
        assertCoversDayExactly(day);
    }

    @Test
    void fallBackDayLasts25HoursAndTheBlockContainingTheChangeIsPaddedWithFiller() {
        ResolvedDay day = allDaySitcoms().resolve("2026-11-01");

        assertThat(Duration.between(day.dayStart(), day.dayEnd())).isEqualTo(Duration.ofHours(25));
        assertThat(programs(day)).hasSize(48);
        ResolvedEvent beforeChange = programs(day).stream()
                .filter(e -> e.start().equals(Instant.parse("2026-11-01T05:30:00Z"))).findFirst().orElseThrow();
        ResolvedEvent afterChange = programs(day).get(programs(day).indexOf(beforeChange) + 1);
        assertThat(afterChange.start()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(between(day, beforeChange.end(), afterChange.start())).extracting(ResolvedEvent::kind)
                .containsOnly(EventKind.FILLER);
        assertThat(Duration.between(beforeChange.end(), afterChange.start())).isEqualTo(Duration.ofMinutes(68));
        assertCoversDayExactly(day);
    }

    @Test
    void contentThatNoLongerFitsBecauseOfTheDstChangeIsDroppedWholeNotCut() {
        CatalogAsset feature = AssetBuilder.movie("Night Feature", 100).build();
        Scenario scenario = scenario().channel(channel().zone("America/New_York")).assets(feature)
                .plan(plan("Nights").with(at("01:00", 120).asset(feature)));

        ResolvedDay ordinary = scenario.resolve("2026-03-01");
        ResolvedDay shortDay = scenario.resolve("2026-03-08");

        assertThat(programs(ordinary)).singleElement()
                .satisfies(e -> assertThat(e.duration()).isEqualTo(Duration.ofMinutes(100)));
        assertThat(programs(shortDay)).isEmpty();
        assertThat(shortDay.events()).noneMatch(e -> feature.uuid().equals(e.assetUuid()));
        assertThat(decisions(shortDay, Decision.Kind.DROPPED)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("Night Feature").contains("1h00m00s"));
        assertCoversDayExactly(shortDay);
    }

    @Test
    void assignmentInsideTheSpringForwardGapHasAnEmptyWindow() {
        Scenario scenario = scenario().channel(channel().zone("America/New_York"))
                .assets(AssetBuilder.series("gap-show", 4, 22))
                .plan(plan("Nights").with(at("02:00", 60).series("gap-show", null)));

        ResolvedDay day = scenario.resolve("2026-03-08");

        assertThat(programs(day)).isEmpty();
        assertThat(decisions(day, Decision.Kind.DROPPED)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("DST gap"));
        assertCoversDayExactly(day);
    }

    @Test
    void lordHoweHalfHourChangeShortensTheBlockThatContainsIt() {
        Scenario scenario = scenario().channel(channel().zone("Australia/Lord_Howe").grid(60, 0))
                .assets(AssetBuilder.series("hourly", 30, 50))
                .plan(plan("Daily").with(at("00:00", 1440).series("hourly", EpisodePolicy.SEQUENTIAL)));

        ResolvedDay day = scenario.resolve("2026-10-04");

        assertThat(Duration.between(day.dayStart(), day.dayEnd())).isEqualTo(Duration.ofMinutes(23 * 60 + 30));
        assertThat(programStarts(day, scenario.channel())).hasSize(23).contains("01:00", "02:30", "04:00")
                .doesNotContain("02:00", "03:00");
        assertCoversDayExactly(day);
    }
}
