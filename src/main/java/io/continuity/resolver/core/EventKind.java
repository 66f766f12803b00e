package io.continuity.resolver.core;

/** Kinds of BroadcastPlaylogEvent the resolver (and later overrides) produce. */
public enum EventKind {
    PROGRAM, FILLER, BUMPER, GAP, FALLBACK, OVERRIDE;

    /** Whether an event of this kind can be a programme in a guide; filler, bumpers and gaps are the schedule's padding. */
    public boolean isProgramme() {
        return this == PROGRAM || this == FALLBACK || this == OVERRIDE;
    }
}
