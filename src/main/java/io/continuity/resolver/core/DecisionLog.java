package io.continuity.resolver.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Collects the decisions of one resolution in the order they are made. */
final class DecisionLog {

    private final List<Decision> decisions = new ArrayList<>();

    void info(Decision.Kind kind, Instant at, UUID assignmentId, UUID assetUuid, String message) {
        decisions.add(new Decision(kind, Decision.Severity.INFO, at, assignmentId, assetUuid, message));
    }

    void warn(Decision.Kind kind, Instant at, UUID assignmentId, UUID assetUuid, String message) {
        decisions.add(new Decision(kind, Decision.Severity.WARNING, at, assignmentId, assetUuid, message));
    }

    List<Decision> decisions() {
        return List.copyOf(decisions);
    }
}
