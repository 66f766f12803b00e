package io.continuity.common;

import java.time.Instant;

import io.continuity.events.Envelope;
import io.continuity.messaging.RecordContext;

/**
 * The time an event happened, as the log says: {@code ce_time}, or the Kafka record timestamp when absent. Projected
 * rows take their timestamps from here (never from the wall clock) so a replay rebuilds identical rows.
 */
public final class EventTimes {

    private EventTimes() {
    }

    public static Instant of(Envelope<?> envelope, RecordContext record) {
        return envelope.time() != null ? envelope.time() : record.recordTime();
    }
}
