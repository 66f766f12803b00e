package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Assertions and read helpers shared by resolver tests. */
final class DayChecks {

    private DayChecks() {
    }

    /** First event at the day start, each event where the previous ended, last at the day end. */
    static void assertCoversDayExactly(ResolvedDay day) {
        List<ResolvedEvent> events = day.events();
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).start()).isEqualTo(day.dayStart());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).start()).as("event %d starts where event %d ends", i, i - 1)
                    .isEqualTo(events.get(i - 1).end());
        }
        assertThat(events.get(events.size() - 1).end()).isEqualTo(day.dayEnd());
    }

    static List<ResolvedEvent> programs(ResolvedDay day) {
        return day.events().stream().filter(e -> e.kind() == EventKind.PROGRAM).toList();
    }

    static List<String> programTitles(ResolvedDay day) {
        return programs(day).stream().map(ResolvedEvent::title).toList();
    }

    static List<UUID> programAssets(ResolvedDay day) {
        return programs(day).stream().map(ResolvedEvent::assetUuid).toList();
    }

    /** Local wall-clock "HH:mm" of each programme start. */
    static List<String> programStarts(ResolvedDay day, ChannelSpec channel) {
        return programs(day).stream().map(e -> local(channel, e.start())).toList();
    }

    static String local(ChannelSpec channel, Instant instant) {
        return LocalDateTime.ofInstant(instant, channel.zone()).toLocalTime().toString();
    }

    static List<Decision> decisions(ResolvedDay day, Decision.Kind kind) {
        return day.decisions().stream().filter(d -> d.kind() == kind).toList();
    }

    /** Events overlapping {@code [from, to)}. */
    static List<ResolvedEvent> between(ResolvedDay day, Instant from, Instant to) {
        return day.events().stream().filter(e -> e.start().isBefore(to) && e.end().isAfter(from)).toList();
    }
}
