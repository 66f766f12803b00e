package io.continuity.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.ContentRule;

/** Which channels the periodic horizon roll resolves: those whose horizon no longer reaches its last day. */
class HorizonRollTest {

    private static ChannelSpec channel(String zone) {
        return new ChannelSpec(UUID.randomUUID(), "x", ZoneId.of(zone), 30, List.of(0, 30), LocalTime.of(6, 0), ContentRule.any(), null);
    }

    @Test
    void aChannelResolvedToTheEndOfItsLastHorizonDayIsLeftAlone() {
        ChannelSpec utc = channel("UTC");
        Instant now = Instant.parse("2026-11-23T07:00:00Z"); // broadcast day 11-23; with 7 days the last is 11-30, ending 12-01 06:00
        assertThat(CoverageMonitor.horizonShort(utc, Instant.parse("2026-12-01T06:00:00Z"), now, 7)).isFalse();
        assertThat(CoverageMonitor.horizonShort(utc, Instant.parse("2026-11-30T06:00:00Z"), now, 7)).isTrue();
        assertThat(CoverageMonitor.horizonShort(utc, null, now, 7)).as("nothing resolved yet").isTrue();
    }

    @Test
    void theBroadcastDayChangeAddsADayToTheHorizon() {
        ChannelSpec utc = channel("UTC");
        Instant covered = Instant.parse("2026-12-01T06:00:00Z");
        assertThat(CoverageMonitor.horizonShort(utc, covered, Instant.parse("2026-11-24T05:59:59Z"), 7)).isFalse();
        assertThat(CoverageMonitor.horizonShort(utc, covered, Instant.parse("2026-11-24T06:00:00Z"), 7)).isTrue();
    }

    @Test
    void theLastDayEndsWhereTheChannelsZoneSaysAcrossADstChange() {
        ChannelSpec berlin = channel("Europe/Berlin");
        // broadcast day 03-27 (CET); the last of 2 more days is 03-29, the 23-hour day; it ends 03-30 06:00 CEST = 04:00 UTC,
        // an hour before three 24-hour days after 03-27 06:00 CET would put it
        Instant now = Instant.parse("2026-03-27T10:00:00Z");
        assertThat(CoverageMonitor.horizonShort(berlin, Instant.parse("2026-03-30T04:00:00Z"), now, 2)).isFalse();
        assertThat(CoverageMonitor.horizonShort(berlin, Instant.parse("2026-03-30T03:30:00Z"), now, 2)).isTrue();
    }
}
