package io.continuity.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.continuity.events.RejectedEventException;
import io.continuity.events.Rejection;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

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
        String title = switch (status) {
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            default -> "Bad Request";
        };
        return respond(Problem.of(status, title, r.code().code(), r.field(), r.detail()));
    }

    /** No token on an endpoint that needs a role: 401 with a bearer challenge. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return challenge("a bearer token is required: Authorization: Bearer <token>");
    }

    /** A token that does not verify (signature, issuer, expiry): 401 with a bearer challenge. */
    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return challenge("the bearer token did not verify (signature, issuer or expiry); get a new one");
    }

    /** A valid token whose roles do not allow the request (a viewer writing): 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "forbidden", null,
                "the token's roles do not allow this request: reading needs viewer or scheduler, writing needs scheduler"));
    }

    /** A body Quarkus could not map (a bad enum name, a malformed UUID); closer than its own built-in mapper. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(com.fasterxml.jackson.core.JsonProcessingException e) {
        Rejection r = io.continuity.events.CloudEventCodec.mappingRejection(e);
        return respond(Problem.of(400, "Bad Request", r.code().code(), r.field(), r.detail()));
    }

    private static Response challenge(String detail) {
        Response problem = respond(Problem.of(401, "Unauthorized", "unauthorized", "Authorization", detail));
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
