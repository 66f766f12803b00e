package io.continuity.resolver.core;

import java.util.Locale;

/** Episode selection policies of seed 003, also accepted as a {@code rotation} playback rule. */
public enum EpisodePolicy {
    SEQUENTIAL, SYNDICATION, RANDOM, SEASONAL, LEAST_RECENTLY_USED;

    /**
     * Parses the wire form ({@code "least-recently-used"}, {@code "sequential"}, ...).
     *
     * @param key the field being parsed, named in the error
     */
    public static EpisodePolicy parse(String key, String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalized.equals("LRU")) {
            return LEAST_RECENTLY_USED;
        }
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new RuleException(key, "unknown policy '" + value + "'");
        }
    }
}
