package io.continuity.resolver.core;

import java.time.Instant;

/**
 * Seeded random choices: the same (day seed, slot instant) always gives the same index. The day seed already
 * folds in channel, broadcast day and seed generation; the slot is the start of the item being chosen. Uses a
 * SplitMix64 finaliser, never {@code Math.random} or hash-map iteration order.
 */
final class SeededChoice {

    private SeededChoice() {
    }

    /** An index in {@code [0, bound)} for the choice made at {@code slot}. */
    static int index(long daySeed, Instant slot, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long z = mix(daySeed ^ mix(slot.getEpochSecond() * 1_000L + slot.getNano() / 1_000_000));
        return (int) Math.floorMod(z, (long) bound);
    }

    /** A rank for {@code id} among the choices made in the block ending at {@code slot}: a stable, seeded order. */
    static long rank(long daySeed, Instant slot, java.util.UUID id) {
        return mix(daySeed ^ mix(slot.getEpochSecond() * 1_000L + slot.getNano() / 1_000_000) ^ mix(id.getMostSignificantBits())
                ^ id.getLeastSignificantBits());
    }

    /** {@link #rank(long, Instant, java.util.UUID)} in two parts: the block's part and the id's part. */
    static long blockSeed(long daySeed, Instant slot) {
        return daySeed ^ mix(slot.getEpochSecond() * 1_000L + slot.getNano() / 1_000_000);
    }

    static long rankSalt(java.util.UUID id) {
        return mix(id.getMostSignificantBits()) ^ id.getLeastSignificantBits();
    }

    /** The same as {@link #rank(long, Instant, java.util.UUID)} from its two parts. */
    static long rank(long blockSeed, long rankSalt) {
        return mix(blockSeed ^ rankSalt);
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
