package io.continuity.resolver.core;

/** Kinds of BroadcastPlaylogEvent the resolver (and later overrides) produce. */
public enum EventKind {
    PROGRAM, FILLER, BUMPER, GAP, FALLBACK, OVERRIDE
}
