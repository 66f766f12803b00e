package io.continuity.events;

import java.time.Instant;

/** A decoded record: the CloudEvents attributes and the typed payload. */
public record Envelope<E extends ContinuityEvent>(String id, EventType type, String source, Instant time, E event) {
}
