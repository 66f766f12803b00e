package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tolerant parsing of playback rules. */
class PlaybackRulesTest {

    @Test
    void readsTheSeedExamplesRules() {
        PlaybackRules rules = PlaybackRules.fromMap(Map.of("rotation", "least-recently-used", "avoid_repeats", true));

        assertThat(rules.rotation()).isEqualTo(EpisodePolicy.LEAST_RECENTLY_USED);
        assertThat(rules.avoidRepeats()).isTrue();
        assertThat(rules.windowDays()).isEqualTo(PlaybackRules.DEFAULT_AVOID_REPEATS_DAYS);
    }

    @Test
    void offsetIsMillisecondsOrClockText() {
        assertThat(PlaybackRules.fromMap(Map.of("offset", 5000)).offsetMs()).isEqualTo(5000);
        assertThat(PlaybackRules.fromMap(Map.of("offset", "00:01:30")).offsetMs()).isEqualTo(90_000);
        assertThat(PlaybackRules.fromMap(Map.of("offset", "01:00:00.5")).offsetMs()).isEqualTo(3_600_500);
    }

    @Test
    void preferRecentIsASynonymOfPreferNew() {
        assertThat(PlaybackRules.fromMap(Map.of("prefer_recent", true)).preferNew()).isTrue();
        assertThat(PlaybackRules.fromMap(Map.of("prefer_recent", false)).preferNew()).isFalse();
    }

    @Test
    void readsWindowSequentialRandomAndFreshness() {
        PlaybackRules rules = PlaybackRules.fromMap(Map.of("avoid_repeats_window_days", 14, "sequential", true,
                "random", false, "freshness", "recent"));

        assertThat(rules.windowDays()).isEqualTo(14);
        assertThat(rules.sequential()).isTrue();
        assertThat(rules.freshness()).isEqualTo(90);
        assertThat(PlaybackRules.fromMap(Map.of("freshness", 30)).freshness()).isEqualTo(30);
    }

    @Test
    void unknownKeysAreIgnored() {
        assertThat(PlaybackRules.fromMap(Map.of("chronological", true, "note", "x"))).isEqualTo(PlaybackRules.none());
    }

    @Test
    void wrongTypesAreRejectedByName() {
        assertRejected(Map.of("avoid_repeats", "yes"), "avoid_repeats");
        assertRejected(Map.of("offset", "ten minutes"), "offset");
        assertRejected(Map.of("offset", -1), "offset");
        assertRejected(Map.of("rotation", "alphabetical"), "rotation");
        assertRejected(Map.of("avoid_repeats_window_days", 0), "avoid_repeats_window_days");
        assertRejected(Map.of("random", 1), "random");
        assertRejected(Map.of("freshness", "old"), "freshness");
    }

    private static void assertRejected(Map<String, Object> map, String key) {
        assertThatThrownBy(() -> PlaybackRules.fromMap(map)).as(map.toString()).isInstanceOf(RuleException.class)
                .hasMessageStartingWith(key + ":");
    }
}
