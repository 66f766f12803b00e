package io.continuity.messaging;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.continuity.events.EventJson;

/**
 * A CDI event, fired in the transaction that parks (or holds) an outbox record Kafka refused for good, for whoever must
 * tell operators (the alerts). {@code subject} holds the payload's identifying top-level fields ({@code channel_id},
 * {@code broadcast_day}, {@code version}) when it has them.
 *
 * @param outcome {@link OutboxRefusals.Outcome#PARK} or {@link OutboxRefusals.Outcome#HOLD}
 */
public record OutboxRecordRefused(long outboxId, String topic, String key, String ceType, String ceId, long payloadBytes,
        Map<String, Object> subject, String reason, String reasonDetail, OutboxRefusals.Outcome outcome, Instant at) {

    private static final Set<String> SUBJECT_FIELDS = Set.of("channel_id", "broadcast_day", "version");

    /** The channel the record is about, when its payload names one. */
    public UUID channelId() {
        try {
            return subject.get("channel_id") instanceof String id ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The broadcast day the record is about, when its payload names one. */
    public LocalDate broadcastDay() {
        try {
            return subject.get("broadcast_day") instanceof String day ? LocalDate.parse(day) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The identifying top-level fields of a JSON payload, read without building the rest (a refused record is often a large
     * one); empty when the payload is not a JSON object.
     */
    public static Map<String, Object> subjectOf(byte[] payload) {
        Map<String, Object> subject = new LinkedHashMap<>();
        if (payload == null) {
            return subject;
        }
        try (JsonParser json = EventJson.mapper().getFactory().createParser(payload)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return subject;
            }
            while (subject.size() < SUBJECT_FIELDS.size() && json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL && SUBJECT_FIELDS.contains(field)) {
                    subject.put(field, value.isNumeric() ? json.getNumberValue() : json.getValueAsString());
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            return subject; // not JSON after all (a dead letter keeps whatever it was sent): what was read so far
        }
        return subject;
    }
}
