package io.continuity.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.DayPublished;
import io.continuity.events.OverrideApplied;
import io.continuity.events.PlaylogEventPayload;
import io.continuity.events.WireEnums;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.OverrideAction;

class PlayoutEngineTest {

    private static final Instant DAY_START = Instant.parse("2026-11-23T06:00:00Z");
    private final UUID channel = UUID.randomUUID();
    private final UUID alternative = UUID.randomUUID();
    private final List<PlaylogEventPayload> events = List.of(
            event(0, 22, EventKind.PROGRAM), event(22, 30, EventKind.FILLER), event(30, 52, EventKind.PROGRAM), event(52, 60, EventKind.GAP),
            event(60, 1440, EventKind.FILLER));
    private final List<AsRunRecorded> reported = new ArrayList<>();

    @Test
    void reportsEveryEventAtItsPlannedTimesHoweverCoarseTheTicks() {
        PlayoutEngine engine = engine(Set.of());
        engine.timeline().apply(day(1, events, null));
        engine.tick(DAY_START);
        engine.tick(DAY_START.plus(Duration.ofMinutes(45)));
        engine.tick(DAY_START.plus(Duration.ofMinutes(61)));
        assertThat(reported).extracting(AsRunRecorded::playlogEventUuid)
                .containsExactly(events.get(0).uuid(), events.get(1).uuid(), events.get(2).uuid());
        assertThat(reported).allSatisfy(r -> assertThat(r.status()).isEqualTo("AIRED"));
        assertThat(reported.get(1).actualStartUtc()).isEqualTo(events.get(1).startUtc());
        assertThat(reported.get(1).actualEndUtc()).isEqualTo(events.get(1).endUtc());
    }

    @Test
    void joinsTheEventInProgressAtStartUp() {
        PlayoutEngine engine = engine(Set.of());
        engine.timeline().apply(day(1, events, null));
        engine.tick(DAY_START.plus(Duration.ofMinutes(10)));
        engine.tick(DAY_START.plus(Duration.ofMinutes(23)));
        assertThat(reported).singleElement().satisfies(r -> {
            assertThat(r.actualStartUtc()).isEqualTo(DAY_START.plus(Duration.ofMinutes(10)));
            assertThat(r.reason()).contains("joined in progress at offset 600000 ms");
        });
    }

    @Test
    void joinsTheEventInProgressWhenTheScheduleArrivesAfterPlayoutStarted() {
        PlayoutEngine engine = engine(Set.of());
        engine.tick(DAY_START.plus(Duration.ofMinutes(5)));
        engine.timeline().apply(day(1, events, null));
        engine.tick(DAY_START.plus(Duration.ofMinutes(10)));
        engine.tick(DAY_START.plus(Duration.ofMinutes(31)));
        assertThat(reported).extracting(AsRunRecorded::playlogEventUuid).containsExactly(events.get(0).uuid(), events.get(1).uuid());
        assertThat(reported.get(0).actualStartUtc()).isEqualTo(DAY_START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aMissingAssetPlaysTheFirstAvailableFallback() {
        PlayoutEngine engine = engine(Set.of(events.get(0).assetUuid()));
        engine.timeline().apply(day(1, events, null));
        engine.tick(DAY_START);
        engine.tick(DAY_START.plus(Duration.ofMinutes(25)));
        assertThat(reported.get(0).status()).isEqualTo("SUBSTITUTED");
        assertThat(reported.get(0).assetUuid()).isEqualTo(alternative);
    }

    @Test
    void aNewerDayVersionReplacesTheTimelineFromItsFirstUnfrozenEventAndOlderOnesAreIgnored() {
        Timeline timeline = new Timeline();
        timeline.apply(day(2, events, null));
        List<PlaylogEventPayload> changed = List.of(events.get(0), events.get(1), event(30, 60, EventKind.PROGRAM), event(60, 1440, EventKind.FILLER));
        assertThat(timeline.apply(day(1, changed, null))).isFalse();
        assertThat(timeline.apply(day(3, changed, DAY_START.plus(Duration.ofMinutes(30))))).isTrue();
        assertThat(timeline.at(DAY_START.plus(Duration.ofMinutes(55))).orElseThrow().uuid()).isEqualTo(changed.get(2).uuid());
        assertThat(timeline.at(DAY_START.plus(Duration.ofMinutes(1))).orElseThrow().uuid()).isEqualTo(events.get(0).uuid());
    }

    @Test
    void aVersionAfterOneThatNeverArrivedReplacesTheWholeDay() {
        Timeline timeline = new Timeline();
        timeline.apply(day(1, events, null));
        PlaylogEventPayload opening = event(0, 22, EventKind.PROGRAM);
        List<PlaylogEventPayload> third = List.of(opening, events.get(1), event(30, 60, EventKind.PROGRAM), event(60, 1440, EventKind.FILLER));
        // version 2 changed the opening and was parked; version 3 differs from version 2 only from 00:30 on
        assertThat(timeline.apply(day(3, third, DAY_START.plus(Duration.ofMinutes(30))))).isTrue();
        assertThat(timeline.at(DAY_START.plus(Duration.ofMinutes(1))).orElseThrow().uuid()).isEqualTo(opening.uuid());
        assertThat(timeline.at(DAY_START.plus(Duration.ofMinutes(55))).orElseThrow().uuid()).isEqualTo(third.get(2).uuid());
        assertThat(timeline.size()).isEqualTo(third.size());
        assertThat(timeline.apply(day(2, List.of(opening, events.get(1), events.get(2), events.get(3), events.get(4)), null)))
                .as("the parked version, requeued after the later one").isFalse();
    }

    @Test
    void anOverrideIsAppliedOnce() {
        Timeline timeline = new Timeline();
        timeline.apply(day(1, events, null));
        PlaylogEventPayload news = event(30, 52, EventKind.OVERRIDE);
        OverrideApplied override = new OverrideApplied(UUID.randomUUID(), channel, OverrideAction.REPLACE, "APPLIED", 1,
                List.of(events.get(2).uuid()), List.of(news), Instant.now());
        assertThat(timeline.apply(override)).isTrue();
        assertThat(timeline.apply(override)).isFalse();
        assertThat(timeline.at(DAY_START.plus(Duration.ofMinutes(31))).orElseThrow().uuid()).isEqualTo(news.uuid());
    }

    private PlayoutEngine engine(Set<UUID> missing) {
        return new PlayoutEngine(channel, new Timeline(), missing, 0, 1, Duration.ofSeconds(20), reported::add);
    }

    private DayPublished day(int version, List<PlaylogEventPayload> dayEvents, Instant replacesFrom) {
        return new DayPublished(channel, LocalDate.of(2026, 11, 23), UUID.randomUUID(), version, DAY_START, DAY_START.plus(Duration.ofDays(1)),
                replacesFrom, dayEvents);
    }

    private PlaylogEventPayload event(int from, int to, EventKind kind) {
        return new PlaylogEventPayload(UUID.randomUUID(), kind == EventKind.GAP ? null : UUID.randomUUID(), kind,
                DAY_START.plus(Duration.ofMinutes(from)), DAY_START.plus(Duration.ofMinutes(to)), 0, null, null, WireEnums.name(kind),
                List.of(alternative));
    }
}
