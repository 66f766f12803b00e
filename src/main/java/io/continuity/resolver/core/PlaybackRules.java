package io.continuity.resolver.core;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An assignment's {@code playback_rules} (seed 003): how content is picked and played inside the assignment.
 *
 * @param avoidRepeats            exclude what aired within the window (then relax, see {@link RepeatGuard})
 * @param avoidRepeatsWindowDays  the window, null for {@link #DEFAULT_AVOID_REPEATS_DAYS}
 * @param preferNew               prefer assets added within {@link ContentRule#RECENT_DAYS} days
 * @param random                  pick at random (seeded) instead of in order
 * @param sequential              play in order (S/E order for series)
 * @param offsetMs                start point inside every asset this assignment plays
 * @param rotation                an explicit rotation policy ({@code "least-recently-used"}, ...), or null
 * @param freshness               only assets added within this many days, or null
 */
public record PlaybackRules(boolean avoidRepeats, Integer avoidRepeatsWindowDays, boolean preferNew,
                            boolean random, boolean sequential, long offsetMs, EpisodePolicy rotation,
                            Integer freshness) {

    /** Window used by {@code avoid_repeats} when {@code avoid_repeats_window_days} is absent. */
    public static final int DEFAULT_AVOID_REPEATS_DAYS = 7;

    private static final PlaybackRules NONE = new PlaybackRules(false, null, false, false, false, 0, null, null);
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?");

    public PlaybackRules {
        if (offsetMs < 0) {
            throw new RuleException("offset", "must not be negative");
        }
        if (avoidRepeatsWindowDays != null && avoidRepeatsWindowDays < 1) {
            throw new RuleException("avoid_repeats_window_days", "must be at least 1");
        }
    }

    /** No rules: play in the assignment's default order, no offset. */
    public static PlaybackRules none() {
        return NONE;
    }

    /** The effective avoid-repeats window in days. */
    public int windowDays() {
        return avoidRepeatsWindowDays == null ? DEFAULT_AVOID_REPEATS_DAYS : avoidRepeatsWindowDays;
    }

    /**
     * Reads the documented keys (avoid_repeats, avoid_repeats_window_days, prefer_new, prefer_recent, random,
     * sequential, offset, rotation, freshness) and ignores any other key, as JSON consumers here tolerate unknown
     * fields. {@code prefer_recent} is a synonym of {@code prefer_new}.
     *
     * @throws RuleException naming the key whose value has the wrong type or an invalid value
     */
    public static PlaybackRules fromMap(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return NONE;
        }
        String rotation = MapValues.string(map, "rotation");
        return new PlaybackRules(MapValues.bool(map, "avoid_repeats"),
                MapValues.integer(map, "avoid_repeats_window_days", 1),
                MapValues.bool(map, "prefer_new") || MapValues.bool(map, "prefer_recent"),
                MapValues.bool(map, "random"), MapValues.bool(map, "sequential"), offset(map.get("offset")),
                rotation == null ? null : EpisodePolicy.parse("rotation", rotation), freshness(map.get("freshness")));
    }

    private static long offset(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            Matcher m = CLOCK.matcher(text.trim());
            if (!m.matches() || Integer.parseInt(m.group(2)) > 59 || Integer.parseInt(m.group(3)) > 59) {
                throw new RuleException("offset", "must be milliseconds or \"HH:MM:SS\", got \"" + text + "\"");
            }
            long millis = m.group(4) == null ? 0 : Long.parseLong((m.group(4) + "00").substring(0, 3));
            return ((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60
                    + Long.parseLong(m.group(3))) * 1000 + millis;
        }
        long ms = MapValues.wholeNumber("offset", value);
        if (ms < 0) {
            throw new RuleException("offset", "must not be negative");
        }
        return ms;
    }

    private static Integer freshness(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            long days = MapValues.wholeNumber("freshness", value);
            if (days < 0 || days > Integer.MAX_VALUE) {
                throw new RuleException("freshness", "must be a non-negative number of days");
            }
            return (int) days;
        }
        return ContentRule.fromMap(Map.of("freshness", value)).freshness();
    }
}
