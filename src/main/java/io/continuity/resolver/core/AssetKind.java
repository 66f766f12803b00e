package io.continuity.resolver.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Catalog asset kinds; {@code interstitial} on the wire is a synonym of {@link #FILLER}. */
public enum AssetKind {
    EPISODE, MOVIE, FILLER, BUMPER, PROMO;

    /** Kinds a programme rule selects when it names no kind. */
    public static final Set<AssetKind> PROGRAMME_KINDS = EnumSet.of(EPISODE, MOVIE);

    /** Kinds a filler rule selects when it names no kind. */
    public static final Set<AssetKind> INTERSTITIAL_KINDS = EnumSet.of(FILLER, BUMPER, PROMO);

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case wire form ({@code "episode"}, ...). */
    public String wireName() {
        return wireName;
    }

    /** Parses the wire form, naming {@code key} when the value is unknown. */
    public static AssetKind parse(String key, String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("INTERSTITIAL")) {
            return FILLER;
        }
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new RuleException(key, "unknown asset kind '" + value + "'");
        }
    }
}
