package io.continuity.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.continuity.events.RejectedEventException;
import io.continuity.events.Rejection;

/** One mapper per failure kind; every error leaves as problem+json. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(Problem.of(e.status(), e.title(), e.code(), e.field(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response rejected(RejectedEventException e) {
        Rejection r = e.rejection();
        int status = switch (r.code()) {
            case VERSION_CONFLICT -> 409;
            case UNKNOWN_REFERENCE -> 422;
            default -> 400;
        };
        return respond(Problem.of(status, status == 409 ? "Conflict" : "Bad Request", r.code().code(), r.field(), r.detail()));
    }

    @ServerExceptionMapper
    public Response unreadable(com.fasterxml.jackson.core.JsonProcessingException e) {
        Rejection r = io.continuity.events.CloudEventCodec.mappingRejection(e);
        return respond(Problem.of(400, "Bad Request", r.code().code(), r.field(), r.detail()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
