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
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.ResolvedEvent;

class FrozenPrefixRulesTest {

    private final ChannelSpec utc30 = new ChannelSpec(UUID.randomUUID(), "x", ZoneId.of("UTC"), 30, List.of(0, 30), LocalTime.of(6, 0),
            ContentRule.any(), null);

    @Test
    void onlyEventsThatStartBeforeTheLockEndAreFrozen() {
        List<ResolvedEvent> day = List.of(event("10:00", "10:22", EventKind.PROGRAM), event("10:22", "10:30", EventKind.FILLER),
                event("10:30", "10:52", EventKind.PROGRAM), event("10:52", "11:00", EventKind.FILLER));
        assertThat(ChannelResolution.frozenPrefix(utc30, day, at("10:05"), at("08:05"))).containsExactlyElementsOf(day.subList(0, 1));
        assertThat(ChannelResolution.frozenPrefix(utc30, day, at("10:25"), at("08:25"))).containsExactlyElementsOf(day.subList(0, 2));
        assertThat(ChannelResolution.frozenPrefix(utc30, day, at("10:00"), at("08:00"))).isEmpty();
    }

    @Test
    void aFillerOnlyStretchIsNotFrozenBeyondTheLockEnd() {
        List<ResolvedEvent> day = new java.util.ArrayList<>();
        for (int minute = 0; minute < 600; minute += 7) {
            day.add(new ResolvedEvent(UUID.randomUUID(), UUID.randomUUID(), EventKind.FILLER, at("10:00").plusSeconds(minute * 60L),
                    at("10:00").plusSeconds((minute + 7) * 60L), 0, null, null, "filler", List.of()));
        }
        Instant lockEnd = at("12:00");
        List<ResolvedEvent> frozen = ChannelResolution.frozenPrefix(utc30, day, lockEnd, at("10:00"));
        assertThat(frozen).isNotEmpty().allSatisfy(e -> assertThat(e.start()).isBefore(lockEnd));
        assertThat(day.get(frozen.size()).start()).isAfterOrEqualTo(lockEnd);
    }

    @Test
    void aTrailingSlateIsCutAtTheFirstBoundaryAfterNowSoContentCanReplaceIt() {
        List<ResolvedEvent> day = List.of(event("10:00", "10:22", EventKind.PROGRAM), event("10:22", "23:00", EventKind.GAP));
        List<ResolvedEvent> frozen = ChannelResolution.frozenPrefix(utc30, day, at("12:40"), at("10:40"));
        assertThat(frozen).hasSize(2);
        assertThat(frozen.get(1).kind()).isEqualTo(EventKind.GAP);
        assertThat(frozen.get(1).end()).isEqualTo(at("11:00"));
        assertThat(frozen.get(1).uuid()).isEqualTo(day.get(1).uuid());
    }

    @Test
    void aTrailingSlateThatStartsOnABoundaryAfterNowIsNotFrozen() {
        List<ResolvedEvent> day = List.of(event("10:00", "10:52", EventKind.PROGRAM), event("10:52", "11:00", EventKind.FILLER),
                event("11:00", "23:00", EventKind.GAP));
        // now 10:40, lock end 12:40: the slate starts before the lock end, but on the first boundary after now
        assertThat(ChannelResolution.frozenPrefix(utc30, day, at("12:40"), at("10:40"))).containsExactlyElementsOf(day.subList(0, 2));
        // a slate on a later boundary that is still inside the lock window is not kept either
        List<ResolvedEvent> later = List.of(event("10:00", "11:30", EventKind.PROGRAM), event("11:30", "23:00", EventKind.GAP));
        assertThat(ChannelResolution.frozenPrefix(utc30, later, at("12:40"), at("10:40"))).containsExactlyElementsOf(later.subList(0, 1));
    }

    @Test
    void aTrailingSlateThatStartsBetweenBoundariesAfterNowIsKeptOnlyToTheNextBoundary() {
        List<ResolvedEvent> day = List.of(event("10:00", "12:10", EventKind.PROGRAM), event("12:10", "23:00", EventKind.GAP));
        List<ResolvedEvent> frozen = ChannelResolution.frozenPrefix(utc30, day, at("12:40"), at("10:40"));
        assertThat(frozen).hasSize(2);
        assertThat(frozen.get(1).start()).isEqualTo(at("12:10"));
        assertThat(frozen.get(1).end()).isEqualTo(at("12:30"));
    }

    private static ResolvedEvent event(String from, String to, EventKind kind) {
        return new ResolvedEvent(UUID.randomUUID(), kind == EventKind.GAP ? null : UUID.randomUUID(), kind, at(from), at(to), 0, null, null,
                kind.name(), List.of());
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-11-23T" + hhmm + ":00Z");
    }
}
