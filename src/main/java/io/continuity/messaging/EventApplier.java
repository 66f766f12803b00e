package io.continuity.messaging;

import io.continuity.events.ContinuityEvent;
import io.continuity.events.Envelope;
import io.continuity.events.Topic;

/**
 * Applies the decoded events of one input topic to the projection. An implementation validates everything first and
 * throws {@link io.continuity.events.RejectedEventException} before it changes anything, so a rejected record leaves
 * the projection untouched.
 */
public interface EventApplier<E extends ContinuityEvent> {

    Topic topic();

    Class<E> family();

    /** The Kafka key the record must carry (channel id, or asset uuid on the catalog topic). */
    String expectedKey(E event);

    void apply(Envelope<E> envelope, RecordContext record);

    /**
     * Called once per batch inside its transaction, before any of {@code events} (the batch's new events, in log order)
     * is applied: the place to load in one query what they will touch, instead of one query per event.
     */
    default void prepare(java.util.List<E> events) {
    }

    /** Called once per batch inside its transaction, after every record was applied (e.g. to re-resolve). */
    default void afterBatch() {
    }
}
