package io.continuity.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;

/**
 * A REST command body: the event's own v1 payload, with the ids the URL already carries filled in. It is read by the
 * same codec as a Kafka record, so a field the consumer would refuse is refused here with the same problem+json.
 */
public final class CommandBody {

    private final CloudEventCodec codec;
    private final ObjectNode payload;

    private CommandBody(CloudEventCodec codec, ObjectNode payload) {
        this.codec = codec;
        this.payload = payload;
    }

    public static CommandBody of(CloudEventCodec codec, byte[] body) {
        return new CommandBody(codec, codec.parseObject(body));
    }

    /** An empty payload for commands that carry everything in the URL (retirements). */
    public static CommandBody empty(CloudEventCodec codec) {
        return new CommandBody(codec, JsonNodeFactory.instance.objectNode());
    }

    /** Sets {@code field} to the URL's id; a body naming a different one is refused. */
    public CommandBody pathId(String field, UUID id) {
        JsonNode given = payload.get(field);
        if (given != null && !given.isNull() && !id.toString().equalsIgnoreCase(given.asText())) {
            throw ProblemException.badParameter(field, "is " + given + " in the body but " + id + " in the URL; leave it out or make them equal");
        }
        payload.put(field, id.toString());
        return this;
    }

    /** A create may leave its own id out: it gets a fresh one. */
    public CommandBody newIdUnlessGiven(String field) {
        if (!payload.hasNonNull(field)) {
            payload.put(field, UUID.randomUUID().toString());
        }
        return this;
    }

    /** A create: unless the body says otherwise, the aggregate must not exist yet ({@code expected_version} 0). */
    public CommandBody creating() {
        if (!payload.hasNonNull("expected_version")) {
            payload.put("expected_version", 0);
        }
        return this;
    }

    /** The optimistic-concurrency check a DELETE carries as {@code ?expected_version=}; none when absent. */
    public CommandBody expectedVersion(Long version) {
        if (version != null) {
            payload.put("expected_version", version);
        }
        return this;
    }

    public <E extends ContinuityEvent> E as(Class<E> recordClass) {
        return codec.readEvent(payload, recordClass);
    }
}
