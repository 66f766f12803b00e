package io.continuity.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Who the bearer token speaks for, so a page can show or hide its editing controls. It only informs: every command
 * checks the role itself, whatever a page shows.
 */
@Path("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class SessionResource {

    private final SecurityIdentity identity;
    private final Clock clock;

    public SessionResource(SecurityIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** The token's subject, its roles (sorted), whether it may send commands, and the service's now (its clock may be shifted). */
    public record SessionView(String user, List<String> roles, boolean canEdit, Instant nowUtc) {
    }

    @GET
    @Operation(summary = "The caller's user and roles (can_edit is true for the scheduler role) and the service's now")
    public SessionView session() {
        List<String> roles = identity.getRoles().stream().filter(r -> r.equals(Roles.SCHEDULER) || r.equals(Roles.VIEWER)).sorted().toList();
        return new SessionView(identity.getPrincipal().getName(), roles, roles.contains(Roles.SCHEDULER), clock.instant());
    }
}
