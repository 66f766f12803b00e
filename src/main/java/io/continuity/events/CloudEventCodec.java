package io.continuity.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The one place that maps between Kafka records and contract records, in the CloudEvents Kafka binding's binary mode:
 * attributes in {@code ce_*} headers, the JSON payload as the value. Decoding checks, in order, the envelope, the
 * type, the JSON, the field types and the field constraints, and reports the first failure as a {@link Rejection}
 * naming the header or field.
 */
@ApplicationScoped
public class CloudEventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final String CONTENT_TYPE = "content-type";

    private final Validator validator;

    public CloudEventCodec(Validator validator) {
        this.validator = validator;
    }

    /** Decodes one record of {@code topic}; throws {@link RejectedEventException} when it can never be applied. */
    public <E extends ContinuityEvent> Envelope<E> decode(Topic topic, Class<E> family, Map<String, String> headers,
            byte[] value) {
        String id = requireHeader(headers, "ce_id");
        String ceType = requireHeader(headers, "ce_type");
        String source = requireHeader(headers, "ce_source");
        String specVersion = requireHeader(headers, "ce_specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new RejectedEventException(ReasonCode.ENVELOPE_BAD_SPECVERSION, "ce_specversion",
                    "CloudEvents spec version must be 1.0, was '" + specVersion + "'");
        }
        Instant time = parseTime(headers.get("ce_time"));
        String contentType = headers.get(CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith("application/json")) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, CONTENT_TYPE,
                    "content type must be application/json, was '" + contentType + "'");
        }
        EventType type = resolveType(topic, ceType);
        E event = family.cast(readPayload(type, value));
        return new Envelope<>(id, type, source, time, event);
    }

    /** Encodes an event with fresh CloudEvents attributes, ready for Kafka or the outbox. */
    public OutgoingRecord encode(ContinuityEvent event, String key, String id, Instant time, String source) {
        EventType type = EventType.of(event);
        Map<String, String> headers = ceHeaders(type.ceType(), id, time, source);
        try {
            return new OutgoingRecord(type.topic().topicName(), key, headers, EventJson.mapper().writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + type.ceType(), e);
        }
    }

    /** The CloudEvents binary-mode headers of one record. */
    public static Map<String, String> ceHeaders(String ceType, String id, Instant time, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", id);
        headers.put("ce_type", ceType);
        headers.put("ce_source", source);
        headers.put("ce_time", time.toString());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }

    private static String requireHeader(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new RejectedEventException(ReasonCode.ENVELOPE_MISSING_HEADER, name, "required CloudEvents header is missing");
        }
        return value;
    }

    private static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "ce_time", "must be an RFC 3339 timestamp, was '" + value + "'");
        }
    }

    private static EventType resolveType(Topic topic, String ceType) {
        EventType type = EventType.byCeType(ceType).orElseThrow(() -> EventType.isOtherVersionOfKnownType(ceType)
                ? new RejectedEventException(ReasonCode.UNSUPPORTED_VERSION, "ce_type",
                        "'" + ceType + "' is a version this service does not support (v1 only)")
                : new RejectedEventException(ReasonCode.UNKNOWN_TYPE, "ce_type", "'" + ceType + "' is not an event type"));
        if (type.topic() != topic) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_TYPE, "ce_type",
                    "'" + ceType + "' does not belong on " + topic.topicName());
        }
        return type;
    }

    private ContinuityEvent readPayload(EventType type, byte[] value) {
        return readEvent(parseObject(value), type.recordClass());
    }

    /**
     * The payload as a JSON object, refused as a Kafka record would be: empty, too large, not JSON, not an object. A
     * REST command body goes through here too, so both paths give the same rejection.
     */
    public ObjectNode parseObject(byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedEventException(ReasonCode.MALFORMED_JSON, null, "the record has no payload");
        }
        if (value.length > MAX_PAYLOAD_BYTES) {
            throw new RejectedEventException(ReasonCode.PAYLOAD_TOO_LARGE, null,
                    "payload is " + value.length + " bytes; the limit is " + MAX_PAYLOAD_BYTES);
        }
        JsonNode tree = parseTree(value);
        if (!(tree instanceof ObjectNode object)) {
            throw new RejectedEventException(ReasonCode.NOT_AN_OBJECT, null, "payload must be a JSON object, was " + tree.getNodeType());
        }
        return object;
    }

    /** Maps a payload object to its contract record (no coercion) and checks the record's constraints. */
    public <E extends ContinuityEvent> E readEvent(ObjectNode payload, Class<E> recordClass) {
        E event;
        try {
            event = EventJson.mapper().treeToValue(payload, recordClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RejectedEventException(mappingRejection(e));
        }
        validate(event);
        return event;
    }


    private static JsonNode parseTree(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (StreamConstraintsException e) {
            throw new RejectedEventException(ReasonCode.PAYLOAD_TOO_LARGE, null, e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new RejectedEventException(ReasonCode.MALFORMED_JSON, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new RejectedEventException(ReasonCode.MALFORMED_JSON, null, "not readable: " + e.getMessage());
        }
    }

    /** Why Jackson could not map a payload: the field and, for an enum, the wire names it accepts. */
    public static Rejection mappingRejection(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            String field = JsonPaths.of(mapping.getPath());
            if (mapping instanceof InvalidFormatException invalid) {
                List<String> names = WireEnums.names(invalid.getTargetType());
                return Rejection.of(ReasonCode.INVALID_VALUE, field, names.isEmpty()
                        ? "'" + invalid.getValue() + "' is not a valid " + simpleName(invalid.getTargetType()) : oneOf(names));
            }
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return Rejection.of(ReasonCode.WRONG_TYPE, field, "must be " + simpleName(mismatch.getTargetType()));
            }
            return Rejection.of(ReasonCode.WRONG_TYPE, field, mapping.getOriginalMessage());
        }
        return Rejection.of(ReasonCode.WRONG_TYPE, null, String.valueOf(e.getMessage()));
    }

    /** "must be one of a, b, c", or "must be a or b" for two. */
    private static String oneOf(List<String> names) {
        return names.size() == 2 ? "must be " + names.get(0) + " or " + names.get(1) : "must be one of " + String.join(", ", names);
    }

    private static String simpleName(Class<?> type) {
        if (type.isEnum()) {
            return "a string";
        }
        return switch (type.getSimpleName()) {
            case "Integer", "Long", "int", "long" -> "an integer";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            case "UUID" -> "a UUID";
            case "Instant" -> "an ISO-8601 instant";
            case "LocalDate" -> "a date YYYY-MM-DD";
            case "List" -> "a list";
            case "Map", "LinkedHashMap" -> "an object";
            default -> "a " + type.getSimpleName();
        };
    }

    /** Bean-validation constraints on the record; the first violation (by field path) becomes the rejection. */
    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        violations.stream()
                .min(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new RejectedEventException(JsonPaths.rejectionOf(v));
                });
    }

    /** Headers of a Kafka record as strings (UTF-8); later duplicates win. */
    public static Map<String, String> headers(Iterable<org.apache.kafka.common.header.Header> headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (org.apache.kafka.common.header.Header h : headers) {
            map.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
