package io.continuity.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.continuity.messaging.Commands;
import io.continuity.messaging.Commands.Applied;
import io.continuity.messaging.Commands.Pending;
import io.continuity.messaging.Commands.Rejected;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where a command answered with 202 can be followed up: applied, rejected (and why), or still pending. */
@Path(CommandStatusResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class CommandStatusResource {

    static final String PATH = "/api/v1/commands";

    private final Commands commands;

    public CommandStatusResource(Commands commands) {
        this.commands = commands;
    }

    @GET
    @Path("/{commandId}")
    @Operation(summary = "The outcome of a command (its event's ce_id): APPLIED, REJECTED with the reason, or PENDING")
    public Map<String, Object> status(@PathParam("commandId") String commandId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command_id", commandId);
        switch (commands.status(commandId)) {
            case Applied a -> {
                body.put("status", "APPLIED");
                body.put("ce_type", a.ceType());
                body.put("applied_at", a.appliedAt());
            }
            case Rejected r -> {
                body.put("status", "REJECTED");
                body.put("code", r.rejection().code().code());
                body.put("field", r.rejection().field());
                body.put("detail", r.rejection().detail());
            }
            case Pending p -> body.put("status", "PENDING");
        }
        return body;
    }
}
