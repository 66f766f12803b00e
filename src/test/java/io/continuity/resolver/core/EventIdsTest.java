package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Event uuids are part of the stored schedule and of every published day: a faster way of computing them must give
 * exactly the uuids earlier versions stored. The pinned values were computed with the plain definition
 * ({@code UUID.nameUUIDFromBytes} over the concatenated name).
 */
class EventIdsTest {

    private static final UUID CHANNEL = UUID.fromString("4d3c2b1a-0000-4000-8000-000000000001");
    private static final UUID ASSET = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    @Test
    void knownEventUuidsAreUnchanged() {
        assertThat(EventIds.eventUuid(CHANNEL, LocalDate.parse("2026-03-02"), Instant.parse("2026-03-02T11:00:00Z"), ASSET,
                EventKind.PROGRAM, 0)).hasToString("8e15edc2-a2a4-3908-95af-fe5580f44394");
        assertThat(EventIds.eventUuid(CHANNEL, LocalDate.parse("2026-03-02"), Instant.parse("2026-03-02T11:22:00.250Z"), ASSET,
                EventKind.FILLER, 3)).hasToString("9a04eab8-e501-357a-b8ea-5aed94878e40");
        assertThat(EventIds.eventUuid(CHANNEL, LocalDate.parse("2026-03-08"), Instant.parse("2026-03-09T04:59:59.000001Z"), null,
                EventKind.GAP, 12)).hasToString("d33f27a2-44b1-35ad-ae05-6cf4b275dd97");
        assertThat(EventIds.eventUuid(CHANNEL, LocalDate.parse("0999-12-31"), Instant.parse("0999-12-31T23:00:00.000000007Z"), ASSET,
                EventKind.BUMPER, -1)).hasToString("458d284f-48d9-3605-a0f6-54400897de8a");
        assertThat(EventIds.eventUuid(ASSET, LocalDate.parse("2027-11-07"), Instant.parse("2027-11-07T05:00:00Z"), CHANNEL,
                EventKind.FALLBACK, 1)).hasToString("ba280170-3537-3186-ba09-8a0f528d7e8c");
        assertThat(EventIds.eventUuid(CHANNEL, LocalDate.parse("+10000-01-01"), Instant.parse("+10000-01-01T00:00:00Z"), ASSET,
                EventKind.OVERRIDE, 0)).hasToString("235a012f-a16b-33ff-af39-3922ffa0ad86");
    }

    @Property(tries = 2000)
    void sameAsThePlainDefinition(@ForAll long channelHigh, @ForAll long channelLow, @ForAll long assetHigh, @ForAll long assetLow,
            @ForAll @LongRange(min = -62_000_000_000L, max = 260_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll boolean wholeMillis, @ForAll boolean noAsset,
            @ForAll @IntRange(min = -5, max = 100_000) int generation) {
        UUID channel = new UUID(channelHigh, channelLow);
        UUID asset = noAsset ? null : new UUID(assetHigh, assetLow);
        Instant start = Instant.ofEpochSecond(epochSecond, wholeMillis ? nanos / 1_000_000 * 1_000_000 : nanos);
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        for (EventKind kind : EventKind.values()) {
            String name = "continuity-event|" + channel + '|' + day + '|' + start + '|' + asset + '|' + kind + '|' + generation;
            assertThat(EventIds.eventUuid(channel, day, start, asset, kind, generation))
                    .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
