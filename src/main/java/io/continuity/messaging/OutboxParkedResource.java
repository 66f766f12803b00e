package io.continuity.messaging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The outbox records Kafka refused for good and the relay parked (docs/operations.md, "When Kafka refuses a record"): what
 * they are and why they were refused, and, once the limit that refused them is raised, back into the outbox with them.
 */
@Path("/api/v1/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SCHEDULER)
public class OutboxParkedResource {

    private static final int MAX_LIMIT = 1000;

    private final OutboxParking parking;

    public OutboxParkedResource(OutboxParking parking) {
        this.parking = parking;
    }

    /** The outbox ids put back, in the order the relay sends them. */
    public record RequeueView(List<Long> requeued) {
    }

    @GET
    @Operation(summary = "Parked outbox records in outbox order, optionally of one topic; the payload is left out")
    public List<OutboxParking.ParkedRecord> list(@QueryParam("topic") String topic, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badParameter("limit", "must be 1 to " + MAX_LIMIT);
        }
        return parking.list(topic, limit);
    }

    @POST
    @Path("/{outboxId}/requeue")
    @Operation(summary = "Put one parked record back into the outbox (under its own id, so it is sent before anything newer)")
    public RequeueView requeue(@PathParam("outboxId") long outboxId) {
        List<Long> requeued = parking.requeue(outboxId, null);
        if (requeued.isEmpty()) {
            throw ProblemException.notFound("no parked outbox record " + outboxId);
        }
        return new RequeueView(requeued);
    }

    @POST
    @Path("/requeue")
    @Operation(summary = "Put every parked record, or those of one topic, back into the outbox")
    public RequeueView requeueAll(@QueryParam("topic") String topic) {
        return new RequeueView(parking.requeue(null, topic));
    }

    @DELETE
    @Path("/{outboxId}")
    @Operation(summary = "Drop a parked record for good (e.g. a day version a later one has superseded); it is never published")
    public void discard(@PathParam("outboxId") long outboxId) {
        if (!parking.discard(outboxId)) {
            throw ProblemException.notFound("no parked outbox record " + outboxId);
        }
    }
}
