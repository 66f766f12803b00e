package io.continuity.override;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.ResolvedEvent;

class OverrideTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    private final UUID news = UUID.randomUUID();
    private final List<ResolvedEvent> day = List.of(
            event(0, 22, EventKind.PROGRAM), event(22, 30, EventKind.FILLER),
            event(30, 52, EventKind.PROGRAM), event(52, 60, EventKind.FILLER),
            event(60, 82, EventKind.PROGRAM), event(82, 90, EventKind.FILLER));

    @Test
    void breakingNewsJoiningInProgressResumesTheInterruptedItemWhereItWouldHaveBeen() {
        OverrideTimeline.Change change = new OverrideTimeline(UUID.randomUUID())
                .insert(day, news, T0.plus(Duration.ofMinutes(35)), T0.plus(Duration.ofMinutes(40)), OverrideTimeline.Resume.JOIN_IN_PROGRESS, "News");
        assertThat(change.superseded()).containsExactly(day.get(2).uuid());
        assertThat(change.added()).extracting(ResolvedEvent::kind).containsExactly(EventKind.PROGRAM, EventKind.OVERRIDE, EventKind.PROGRAM);
        ResolvedEvent resumed = change.added().get(2);
        assertThat(resumed.start()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
        assertThat(resumed.offsetMs()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(resumed.assetUuid()).isEqualTo(day.get(2).assetUuid());
        assertCoversExactly(apply(change));
    }

    @Test
    void breakingNewsResumingAtTheNextEventLeavesSlateUntilTheNextItemOnTime() {
        OverrideTimeline.Change change = new OverrideTimeline(UUID.randomUUID())
                .insert(day, news, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(45)), OverrideTimeline.Resume.NEXT_EVENT, "News");
        assertThat(change.added()).extracting(ResolvedEvent::kind).containsExactly(EventKind.OVERRIDE, EventKind.GAP);
        assertThat(change.added().get(1).end()).isEqualTo(T0.plus(Duration.ofMinutes(52)));
        List<ResolvedEvent> after = apply(change);
        assertThat(after).filteredOn(e -> e.start().equals(T0.plus(Duration.ofMinutes(52)))).hasSize(1);
        assertCoversExactly(after);
    }

    @Test
    void insertSpanningSeveralEventsSupersedesAllOfThemAndKeepsTheHeadOfTheFirst() {
        OverrideTimeline.Change change = new OverrideTimeline(UUID.randomUUID())
                .insert(day, news, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(65)), OverrideTimeline.Resume.NEXT_EVENT, "News");
        assertThat(change.superseded()).hasSize(5);
        assertCoversExactly(apply(change));
    }

    @Test
    void replaceWithAShorterAssetLeavesSlateToTheSlotEnd() {
        OverrideTimeline.Change change = new OverrideTimeline(UUID.randomUUID()).replace(day.get(0), news, Duration.ofMinutes(15).toMillis(), "Promo");
        assertThat(change.added()).extracting(ResolvedEvent::kind).containsExactly(EventKind.OVERRIDE, EventKind.GAP);
        assertCoversExactly(apply(change));
    }

    @Test
    void cancelTurnsTheSlotIntoSlate() {
        OverrideTimeline.Change change = new OverrideTimeline(UUID.randomUUID()).cancel(day.get(2));
        assertThat(change.added()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.GAP);
            assertThat(e.start()).isEqualTo(day.get(2).start());
            assertThat(e.end()).isEqualTo(day.get(2).end());
        });
    }

    @Test
    void retimeMovesTheItemAndLeavesItsOldSlotAsSlate() {
        ResolvedEvent target = day.get(0);
        OverrideTimeline.Change change = new OverrideTimeline(UUID.randomUUID())
                .retime(day, target, T0.plus(Duration.ofMinutes(60)), T0.plus(Duration.ofMinutes(82)));
        List<ResolvedEvent> after = apply(change);
        assertThat(after).filteredOn(e -> target.assetUuid().equals(e.assetUuid())).singleElement()
                .satisfies(e -> assertThat(e.start()).isEqualTo(T0.plus(Duration.ofMinutes(60))));
        assertThat(after.get(0).kind()).isEqualTo(EventKind.GAP);
        assertCoversExactly(after);
    }

    @Test
    void theSameOverrideProducesTheSameEventIds() {
        UUID id = UUID.randomUUID();
        OverrideTimeline.Change once = new OverrideTimeline(id).cancel(day.get(1));
        OverrideTimeline.Change again = new OverrideTimeline(id).cancel(day.get(1));
        assertThat(once).isEqualTo(again);
    }

    private List<ResolvedEvent> apply(OverrideTimeline.Change change) {
        List<ResolvedEvent> after = new ArrayList<>(day.stream().filter(e -> !change.superseded().contains(e.uuid())).toList());
        after.addAll(change.added());
        after.sort(Comparator.comparing(ResolvedEvent::start));
        return after;
    }

    private static void assertCoversExactly(List<ResolvedEvent> events) {
        assertThat(events.get(0).start()).isEqualTo(T0);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).start()).as("event %d starts where %d ends", i, i - 1).isEqualTo(events.get(i - 1).end());
        }
        assertThat(events.get(events.size() - 1).end()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    }

    private static ResolvedEvent event(int fromMinute, int toMinute, EventKind kind) {
        return new ResolvedEvent(UUID.randomUUID(), UUID.randomUUID(), kind, T0.plus(Duration.ofMinutes(fromMinute)),
                T0.plus(Duration.ofMinutes(toMinute)), 0, null, null, kind.name(), List.of());
    }
}
