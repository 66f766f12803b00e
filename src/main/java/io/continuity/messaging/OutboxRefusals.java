package io.continuity.messaging;

import java.util.List;
import java.util.Set;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

import io.continuity.events.Topic;

/**
 * What the outbox relay does with a record Kafka did not take. Only a refusal of the record itself is for good: it is larger
 * than the topic's {@code max.message.bytes} or the relay's max request, or it is invalid for its topic; sending it again
 * gives the same answer until someone changes a limit. Everything else — broker down, timeouts, leader changes, not enough
 * replicas, and also authorization, which a fixed ACL cures for every record of the topic at once — is retried in place.
 */
public final class OutboxRefusals {

    /** The relay's answer to one record's failure. */
    public enum Outcome {
        /** Send it again, in place: nothing behind it is published before it. */
        RETRY,
        /** Move it aside (the {@code outbox_parked} table) with an alert, and publish the rows behind it. */
        PARK,
        /** Refused for good on a topic whose order must not change: alert, and retry in place until a limit is raised. */
        HOLD
    }

    private static final List<Class<? extends Throwable>> FOR_GOOD = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidRecordException.class, InvalidTopicException.class);

    /**
     * The decision log is replayed by a rebuild in the order it was written (docs/decisions.md 15); a decision moved aside
     * and sent later would be out of that order, so its refusal stops the relay (with an alert) instead.
     */
    private static final Set<String> NEVER_PARKED = Set.of(Topic.SCHEDULE_DECISIONS.topicName());

    private OutboxRefusals() {
    }

    public static Outcome of(String topic, Throwable failure) {
        if (refusal(failure) == null) {
            return Outcome.RETRY;
        }
        return NEVER_PARKED.contains(topic) ? Outcome.HOLD : Outcome.PARK;
    }

    /** The refusal for good among {@code failure} and its causes, or null when there is none. */
    public static Throwable refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable cause = t;
            if (FOR_GOOD.stream().anyMatch(kind -> kind.isInstance(cause))) {
                return t;
            }
        }
        return null;
    }
}
