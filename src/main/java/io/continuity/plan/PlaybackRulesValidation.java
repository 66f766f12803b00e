package io.continuity.plan;

import java.util.Map;
import java.util.Set;

import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;

/** Checks an assignment's {@code playback_rules}: documented keys must have the documented types. */
final class PlaybackRulesValidation {

    private static final Set<String> FLAGS = Set.of("avoid_repeats", "prefer_new", "prefer_recent", "random", "sequential");

    private PlaybackRulesValidation() {
    }

    static void validate(Map<String, Object> rules) {
        rules.forEach((key, value) -> {
            String path = "playback_rules." + key;
            if (FLAGS.contains(key) && !(value instanceof Boolean)) {
                throw new RejectedEventException(ReasonCode.WRONG_TYPE, path, "must be true or false");
            }
            if ("offset".equals(key) && !(value instanceof Integer i && i >= 0
                    || value instanceof String s && s.matches("\\d{1,2}:[0-5]\\d:[0-5]\\d"))) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, path, "must be milliseconds (>= 0) or \"HH:MM:SS\"");
            }
            if ("avoid_repeats_window_days".equals(key) && !(value instanceof Integer d && d > 0)) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, path, "must be a positive number of days");
            }
            if ("rotation".equals(key) && !("least-recently-used".equals(value) || "sequential".equals(value) || "random".equals(value))) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, path, "must be least-recently-used, sequential or random");
            }
        });
    }
}
