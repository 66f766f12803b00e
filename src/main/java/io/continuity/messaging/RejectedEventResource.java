package io.continuity.messaging;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The records the consumers refused (the {@code rejected_event} table), newest first: what went to which DLQ, and why. */
@Path("/api/v1/rejected-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class RejectedEventResource {

    private static final int MAX_LIMIT = 1000;

    private final EntityManager em;

    public RejectedEventResource(EntityManager em) {
        this.em = em;
    }

    /** One rejected record; the payload is left out (it is on the DLQ, unchanged). */
    public record RejectedEventView(long id, String topic, int partition, long offset, String key, String eventId, String ceType,
            String reasonCode, String reasonField, String reasonDetail, Instant rejectedAt) {
    }

    @GET
    @Operation(summary = "Rejected input records, newest first; optionally of one topic or event id")
    public List<RejectedEventView> list(@QueryParam("topic") String topic, @QueryParam("event_id") String eventId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badParameter("limit", "must be 1 to " + MAX_LIMIT);
        }
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, topic, partition_no, record_offset, record_key, event_id, ce_type, reason_code, reason_field, reason_detail,
                       rejected_at
                FROM rejected_event
                WHERE (CAST(?1 AS text) IS NULL OR topic = ?1) AND (CAST(?2 AS text) IS NULL OR event_id = ?2)
                ORDER BY id DESC LIMIT ?3""", Object[].class)
                .setParameter(1, topic).setParameter(2, eventId).setParameter(3, limit)
                .getResultList().stream().map(r -> view((Object[]) r)).toList());
    }

    private static RejectedEventView view(Object[] r) {
        return new RejectedEventView(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).longValue(),
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], Commands.instant(r[10]));
    }
}
