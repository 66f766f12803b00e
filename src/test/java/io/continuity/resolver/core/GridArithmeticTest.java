package io.continuity.resolver.core;

import static io.continuity.resolver.core.ChannelBuilder.channel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The grid's arithmetic between zone transitions gives the boundaries that converting every local candidate through
 * the zone rules gives, the year round: across spring-forward gaps, fall-back overlaps, half-hour changes and a
 * skipped calendar day.
 */
class GridArithmeticTest {

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata", "UTC"})
    void nextBoundaryMatchesTheZoneRulesEverywhere(String zoneId) {
        for (List<Integer> offsets : List.of(List.of(0, 30), List.of(5, 35), List.of(0), List.of(15, 45))) {
            ChannelSpec spec = channel().zone(zoneId).grid(30, offsets.toArray(Integer[]::new))
                    .dayStart(String.format("00:%02d", offsets.get(0))).build();
            ChannelGrid grid = new ChannelGrid(spec);
            Instant from = zoneId.equals("Pacific/Apia") ? Instant.parse("2011-12-20T00:00:00Z") : Instant.parse("2026-01-01T00:00:00Z");
            for (Instant at = from; at.isBefore(from.plus(400, ChronoUnit.DAYS)); at = at.plusSeconds(17 * 60 + 13)) {
                assertThat(grid.nextBoundaryAtOrAfter(at)).as("%s %s %s", zoneId, offsets, at).isEqualTo(throughRules(spec, at));
                Instant whole = at.truncatedTo(ChronoUnit.MINUTES);
                assertThat(grid.nextBoundaryAtOrAfter(whole)).as("%s %s %s", zoneId, offsets, whole).isEqualTo(throughRules(spec, whole));
            }
        }
    }

    /** The grid's rule spelled out: the earliest local grid minute whose instant is not before {@code instant}. */
    private static Instant throughRules(ChannelSpec spec, Instant instant) {
        ZoneId zone = spec.zone();
        ZoneOffsetTransition previous = zone.getRules().previousTransition(instant.plusNanos(1));
        LocalDateTime candidate;
        if (previous != null && previous.isGap() && previous.getInstant().equals(instant)) {
            candidate = previous.getDateTimeBefore();
        } else {
            LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
            LocalDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
            candidate = minute.equals(local) ? minute : minute.plusMinutes(1);
        }
        while (true) {
            if (spec.blockStartOffsetsMinutes().contains(candidate.getMinute())) {
                Instant boundary = BroadcastDays.toInstant(candidate, zone);
                if (!boundary.isBefore(instant)) {
                    return boundary;
                }
            }
            candidate = candidate.plusMinutes(1);
        }
    }
}
