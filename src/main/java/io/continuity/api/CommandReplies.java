package io.continuity.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.continuity.events.RejectedEventException;
import io.continuity.messaging.Commands;
import io.continuity.messaging.Commands.Applied;
import io.continuity.messaging.Commands.Pending;
import io.continuity.messaging.Commands.Rejected;
import jakarta.ws.rs.core.Response;

/**
 * Turns a command's outcome into the HTTP answer every command endpoint gives: the resource as the projection now
 * holds it (201 or 200), the consumer's rejection as problem+json (the same a Kafka producer finds in the DLQ), or 202
 * with a link to {@code /api/v1/commands/{id}} when the wait ran out.
 */
public final class CommandReplies {

    private CommandReplies() {
    }

    /**
     * @param status   200 or 201 when applied
     * @param location the resource's URL
     * @param view     reads the resource after it was applied
     */
    public static Response reply(Commands.Outcome outcome, Response.Status status, String location, Supplier<?> view) {
        return reply(outcome, location, view, v -> status);
    }

    /** As above, with the success status chosen from the applied resource (201 for one that is new, 200 otherwise). */
    public static <V> Response reply(Commands.Outcome outcome, String location, Supplier<V> view, Function<V, Response.Status> status) {
        return switch (outcome) {
            case Applied a -> {
                V applied = view.get();
                yield Response.status(status.apply(applied)).location(URI.create(location)).entity(applied).build();
            }
            case Rejected r -> throw new RejectedEventException(r.rejection());
            case Pending p -> accepted(p.commandId(), location);
        };
    }

    /** A command whose resource is gone once applied (a removal): 204 when applied. */
    public static Response replyEmpty(Commands.Outcome outcome, String location) {
        return switch (outcome) {
            case Applied a -> Response.noContent().build();
            case Rejected r -> throw new RejectedEventException(r.rejection());
            case Pending p -> accepted(p.commandId(), location);
        };
    }

    private static Response accepted(String commandId, String location) {
        String statusUrl = CommandStatusResource.PATH + "/" + commandId;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command_id", commandId);
        body.put("status", "PENDING");
        body.put("status_url", statusUrl);
        body.put("resource_url", location);
        return Response.accepted(body).location(URI.create(statusUrl)).build();
    }
}
