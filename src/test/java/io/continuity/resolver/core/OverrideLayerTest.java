package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OverrideLayerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    private final UUID news = UUID.randomUUID();
    private final List<ResolvedEvent> day = List.of(
            event(0, 22, EventKind.PROGRAM), event(22, 30, EventKind.FILLER),
            event(30, 52, EventKind.PROGRAM), event(52, 60, EventKind.FILLER),
            event(60, 82, EventKind.PROGRAM), event(82, 90, EventKind.FILLER));

    @Test
    void breakingNewsJoiningInProgressResumesTheInterruptedItemWhereItWouldHaveBeen() {
        OverrideLayer.Applied change = OverrideLayer.apply(day, insert(35, 40, OverrideAction.Resume.JOIN_IN_PROGRESS));
        assertThat(change.superseded()).containsExactly(day.get(2).uuid());
        assertThat(change.added()).extracting(ResolvedEvent::kind).containsExactly(EventKind.PROGRAM, EventKind.OVERRIDE, EventKind.PROGRAM);
        ResolvedEvent resumed = change.added().get(2);
        assertThat(resumed.start()).isEqualTo(at(40));
        assertThat(resumed.offsetMs()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(resumed.assetUuid()).isEqualTo(day.get(2).assetUuid());
        assertCoversExactly(change.events());
    }

    @Test
    void breakingNewsResumingAtTheNextEventLeavesSlateUntilTheNextItemOnTime() {
        OverrideLayer.Applied change = OverrideLayer.apply(day, insert(30, 45, OverrideAction.Resume.NEXT_EVENT));
        assertThat(change.added()).extracting(ResolvedEvent::kind).containsExactly(EventKind.OVERRIDE, EventKind.GAP);
        assertThat(change.added().get(1).end()).isEqualTo(at(52));
        assertThat(change.events()).filteredOn(e -> e.start().equals(at(52))).singleElement().isEqualTo(day.get(3));
        assertCoversExactly(change.events());
    }

    @Test
    void insertSpanningSeveralEventsSupersedesAllOfThemAndKeepsTheHeadOfTheFirst() {
        OverrideLayer.Applied change = OverrideLayer.apply(day, insert(10, 65, OverrideAction.Resume.NEXT_EVENT));
        assertThat(change.superseded()).hasSize(5);
        assertThat(change.events().get(0)).satisfies(head -> {
            assertThat(head.assetUuid()).isEqualTo(day.get(0).assetUuid());
            assertThat(head.end()).isEqualTo(at(10));
        });
        assertCoversExactly(change.events());
    }

    @Test
    void replaceWithAShorterAssetLeavesSlateToTheSlotEnd() {
        OverrideLayer.Applied change = OverrideLayer.apply(day, replace(day.get(0), Duration.ofMinutes(15)));
        assertThat(change.added()).extracting(ResolvedEvent::kind).containsExactly(EventKind.OVERRIDE, EventKind.GAP);
        assertThat(change.added().get(0).end()).isEqualTo(at(15));
        assertCoversExactly(change.events());
    }

    @Test
    void cancelTurnsTheSlotIntoSlate() {
        OverrideLayer.Applied change = OverrideLayer.apply(day, cancel(day.get(2)));
        assertThat(change.added()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.GAP);
            assertThat(e.start()).isEqualTo(day.get(2).start());
            assertThat(e.end()).isEqualTo(day.get(2).end());
        });
    }

    @Test
    void retimeMovesTheItemAndLeavesItsOldSlotAsSlate() {
        ResolvedEvent target = day.get(0);
        OverrideSpec retime = new OverrideSpec(UUID.randomUUID(), OverrideAction.RETIME, null,
                new OverrideSpec.Asset(target.assetUuid(), target.title(), target.duration().toMillis()), at(60), at(82), target(target));
        List<ResolvedEvent> after = OverrideLayer.apply(day, retime).events();
        assertThat(after).filteredOn(e -> target.assetUuid().equals(e.assetUuid())).singleElement()
                .satisfies(e -> assertThat(e.start()).isEqualTo(at(60)));
        assertThat(after.get(0).kind()).isEqualTo(EventKind.GAP);
        assertCoversExactly(after);
    }

    @Test
    void applyingAnOverrideToADayThatAlreadyCarriesItChangesNothing() {
        for (OverrideSpec o : List.of(insert(35, 40, OverrideAction.Resume.JOIN_IN_PROGRESS), insert(10, 65, OverrideAction.Resume.NEXT_EVENT),
                replace(day.get(2), Duration.ofMinutes(40)), cancel(day.get(4)))) {
            List<ResolvedEvent> once = OverrideLayer.apply(day, o).events();
            assertThat(OverrideLayer.apply(once, o).events()).as("%s applied twice", o.action()).isEqualTo(once);
        }
    }

    @Test
    void anOverrideWhoseTargetIsGoneStaysPinnedToItsWindow() {
        ResolvedEvent target = day.get(2);
        List<ResolvedEvent> reResolved = List.of(event(0, 25, EventKind.PROGRAM), event(25, 55, EventKind.PROGRAM),
                event(55, 90, EventKind.PROGRAM));
        OverrideLayer.Applied change = OverrideLayer.apply(reResolved, replace(target, Duration.ofMinutes(22)));
        assertThat(change.pinned()).isTrue();
        assertThat(change.events()).filteredOn(e -> e.kind() == EventKind.OVERRIDE).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(target.start());
            assertThat(e.end()).isEqualTo(target.end());
            assertThat(e.assetUuid()).isEqualTo(news);
        });
        assertCoversExactly(change.events());
    }

    @Test
    void overridesApplyInOrderAndEachEventNamesItsOverride() {
        OverrideSpec first = replace(day.get(0), Duration.ofMinutes(22));
        OverrideSpec second = insert(10, 20, OverrideAction.Resume.JOIN_IN_PROGRESS);
        Map<UUID, UUID> overrideOf = new HashMap<>();
        List<ResolvedEvent> after = OverrideLayer.applyAll(day, List.of(first, second), overrideOf, new ArrayList<>());
        assertThat(after).extracting(ResolvedEvent::kind).startsWith(EventKind.OVERRIDE, EventKind.OVERRIDE, EventKind.OVERRIDE);
        assertThat(after.get(1).assetUuid()).isEqualTo(news);
        assertThat(overrideOf.get(after.get(1).uuid())).isEqualTo(second.id());
        assertThat(overrideOf.get(after.get(2).uuid())).isEqualTo(second.id());
        assertThat(after.get(2).offsetMs()).isEqualTo(Duration.ofMinutes(20).toMillis());
        assertCoversExactly(after);
    }

    @Test
    void theSameOverrideProducesTheSameEventIds() {
        OverrideSpec cancel = cancel(day.get(1));
        assertThat(OverrideLayer.apply(day, cancel)).isEqualTo(OverrideLayer.apply(day, cancel));
    }

    private OverrideSpec insert(int from, int to, OverrideAction.Resume resume) {
        return new OverrideSpec(UUID.randomUUID(), OverrideAction.INSERT, resume, new OverrideSpec.Asset(news, "News", Duration.ofMinutes(to - from).toMillis()),
                at(from), at(to), null);
    }

    private OverrideSpec replace(ResolvedEvent target, Duration length) {
        return new OverrideSpec(UUID.randomUUID(), OverrideAction.REPLACE, null, new OverrideSpec.Asset(news, "Promo", length.toMillis()),
                target.start(), target.end(), target(target));
    }

    private static OverrideSpec cancel(ResolvedEvent target) {
        return new OverrideSpec(UUID.randomUUID(), OverrideAction.CANCEL, null, null, target.start(), target.end(), target(target));
    }

    private static OverrideSpec.Target target(ResolvedEvent e) {
        return new OverrideSpec.Target(e.uuid(), e.start(), e.end(), e.assetUuid(), e.title(), e.assignmentId(), e.planId());
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private static void assertCoversExactly(List<ResolvedEvent> events) {
        assertThat(events.get(0).start()).isEqualTo(T0);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).start()).as("event %d starts where %d ends", i, i - 1).isEqualTo(events.get(i - 1).end());
        }
        assertThat(events.get(events.size() - 1).end()).isEqualTo(at(90));
    }

    private static ResolvedEvent event(int fromMinute, int toMinute, EventKind kind) {
        return new ResolvedEvent(UUID.randomUUID(), UUID.randomUUID(), kind, at(fromMinute), at(toMinute), 0, null, null, kind.name(), List.of());
    }
}
