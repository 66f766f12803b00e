package io.continuity.resolver.core;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Collects the decisions of one resolution in the order they are made. The explanation of a frequent decision (one
 * per programme and per padded block) may be given as a {@link Supplier}: its text is then written when the decision is
 * first read, from values that never change, so it reads exactly as if it had been written at once. A resolution whose
 * explanations nobody reads does not pay for them.
 */
final class DecisionLog {

    /** A decision whose explanation is written when first read. */
    private record Pending(Decision.Kind kind, Decision.Severity severity, Instant at, UUID assignmentId, UUID assetUuid,
                           Supplier<String> message) {

        Decision render() {
            return new Decision(kind, severity, at, assignmentId, assetUuid, message.get());
        }
    }

    private final List<Object> decisions = new ArrayList<>();

    void info(Decision.Kind kind, Instant at, UUID assignmentId, UUID assetUuid, String message) {
        decisions.add(new Decision(kind, Decision.Severity.INFO, at, assignmentId, assetUuid, message));
    }

    void info(Decision.Kind kind, Instant at, UUID assignmentId, UUID assetUuid, Supplier<String> message) {
        decisions.add(new Pending(kind, Decision.Severity.INFO, at, assignmentId, assetUuid, message));
    }

    void warn(Decision.Kind kind, Instant at, UUID assignmentId, UUID assetUuid, String message) {
        decisions.add(new Decision(kind, Decision.Severity.WARNING, at, assignmentId, assetUuid, message));
    }

    /** The decisions so far, as an unmodifiable list (explanations are written as they are read). */
    List<Decision> decisions() {
        return new Decisions(decisions.toArray());
    }

    /**
     * An unmodifiable list of decisions, some of them still to be written. Equal to, and printed like, any list of the
     * same decisions. Safe to read from several threads: two threads may write the same explanation, never different
     * ones.
     */
    static final class Decisions extends AbstractList<Decision> implements RandomAccess {

        private final Object[] entries;

        private Decisions(Object[] entries) {
            this.entries = entries;
        }

        @Override
        public Decision get(int index) {
            Object entry = entries[index];
            if (entry instanceof Pending pending) {
                Decision written = pending.render();
                entries[index] = written;
                return written;
            }
            return (Decision) entry;
        }

        @Override
        public int size() {
            return entries.length;
        }
    }
}
