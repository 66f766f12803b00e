package io.continuity.playlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.playlog.PlaylogViews.InputView;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.ResolvedEvent;

/** The one diff the version history and the what-if preview share: by uuid, then moves paired by asset, kind and assignment. */
class ScheduleDiffTest {

    private static final Instant DAY = Instant.parse("2026-12-08T06:00:00Z");
    private static final UUID ASSIGNMENT = UUID.randomUUID();
    private static final UUID EPISODE_1 = UUID.randomUUID();
    private static final UUID EPISODE_2 = UUID.randomUUID();
    private static final UUID BUMPER = UUID.randomUUID();

    private static ResolvedEvent event(UUID asset, EventKind kind, int fromMinute, int toMinute) {
        return new ResolvedEvent(UUID.randomUUID(), asset, kind, DAY.plusSeconds(fromMinute * 60L), DAY.plusSeconds(toMinute * 60L), 0,
                asset == null ? null : ASSIGNMENT, null, "t", List.of());
    }

    private static ResolvedEvent sameEventEndingAt(ResolvedEvent e, int toMinute) {
        return new ResolvedEvent(e.uuid(), e.assetUuid(), e.kind(), e.start(), DAY.plusSeconds(toMinute * 60L), e.offsetMs(), e.assignmentId(),
                e.planId(), e.title(), e.fallback());
    }

    @Test
    void identicalListsHaveNoDifference() {
        List<ResolvedEvent> day = List.of(event(EPISODE_1, EventKind.PROGRAM, 0, 22), event(BUMPER, EventKind.FILLER, 22, 30));
        ScheduleDiff.Result diff = ScheduleDiff.between(day, day);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.newGaps()).isEmpty();
    }

    @Test
    void anItemAtAnotherTimeIsAMoveNotARemovalAndAnAddition() {
        ResolvedEvent before = event(EPISODE_1, EventKind.PROGRAM, 0, 22);
        ResolvedEvent after = event(EPISODE_1, EventKind.PROGRAM, 60, 82);
        ResolvedEvent added = event(EPISODE_2, EventKind.PROGRAM, 90, 112);
        ScheduleDiff.Result diff = ScheduleDiff.between(List.of(before), List.of(after, added));
        assertThat(diff.moved()).singleElement().satisfies(m -> {
            assertThat(m.fromUuid()).isEqualTo(before.uuid());
            assertThat(m.to()).isEqualTo(after);
        });
        assertThat(diff.added()).containsExactly(added);
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void theSameUuidWithAnotherEndIsAMoveToo() {
        ResolvedEvent before = event(EPISODE_1, EventKind.PROGRAM, 0, 22);
        ScheduleDiff.Result diff = ScheduleDiff.between(List.of(before), List.of(sameEventEndingAt(before, 20)));
        assertThat(diff.moved()).singleElement().satisfies(m -> assertThat(m.fromUuid()).isEqualTo(before.uuid()));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void gapsAreNeverPairedAndNewOnesAreListed() {
        ResolvedEvent oldGap = event(null, EventKind.GAP, 0, 5);
        ResolvedEvent newGap = event(null, EventKind.GAP, 10, 15);
        ResolvedEvent removed = event(EPISODE_2, EventKind.PROGRAM, 30, 52);
        ScheduleDiff.Result diff = ScheduleDiff.between(List.of(oldGap, removed), List.of(newGap));
        assertThat(diff.newGaps()).containsExactly(newGap);
        assertThat(diff.added()).containsExactly(newGap);
        assertThat(diff.removed()).containsExactly(oldGap, removed);
        assertThat(diff.moved()).isEmpty();
    }

    @Test
    void paddingIsChosenAgainNotMoved() {
        ResolvedEvent before = event(BUMPER, EventKind.FILLER, 22, 30);
        ResolvedEvent after = event(BUMPER, EventKind.FILLER, 82, 90);
        ScheduleDiff.Result diff = ScheduleDiff.between(List.of(before), List.of(after));
        assertThat(diff.moved()).isEmpty();
        assertThat(diff.removed()).containsExactly(before);
        assertThat(diff.added()).containsExactly(after);
    }

    @Test
    void anotherKindOfTheSameAssetIsNotAMove() {
        ResolvedEvent before = event(EPISODE_1, EventKind.PROGRAM, 0, 22);
        ResolvedEvent after = event(EPISODE_1, EventKind.FILLER, 60, 82);
        ScheduleDiff.Result diff = ScheduleDiff.between(List.of(before), List.of(after));
        assertThat(diff.moved()).isEmpty();
        assertThat(diff.removed()).containsExactly(before);
        assertThat(diff.added()).containsExactly(after);
    }

    @Test
    void aRecordedCauseNamesItsSourceAndInputEvent() {
        assertThat(ScheduleVersionsResource.input("plan:4b1c")).isEqualTo(new InputView("plan:4b1c", "plan", "4b1c", null, null, null));
        assertThat(ScheduleVersionsResource.input("roll")).isEqualTo(new InputView("roll", "roll", null, null, null, null));
        assertThat(ScheduleVersionsResource.input("as-run: programme missing"))
                .isEqualTo(new InputView("as-run: programme missing", "as-run: programme missing", null, null, null, null));
    }
}
