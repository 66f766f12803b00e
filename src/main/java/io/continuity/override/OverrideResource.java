package io.continuity.override;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.OverrideRequested;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.Rejection;
import io.continuity.messaging.CommandPublisher;
import io.continuity.messaging.CommandWaiter;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.resolver.core.OverrideAction;
import io.continuity.playlog.PlaylogViews.EventView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Last-minute overrides over REST. A POST validates, publishes {@code continuity.override.requested.v1} (ce_id = the
 * override id, so a retried POST is applied once) and waits, bounded, for the consumer to apply or reject it: 201 with
 * the result, the same problem+json a Kafka rejection carries (409
 * on a version conflict), or 202 with a status link.
 */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path("/api/v1/channels/{channelId}/overrides")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OverrideResource {

    private final CloudEventCodec codec;
    private final CommandPublisher publisher;
    private final CommandWaiter waiter;
    private final EntityManager em;
    private final Duration timeout;
    private final CurrentSchedule current;

    public OverrideResource(CloudEventCodec codec, CommandPublisher publisher, CommandWaiter waiter, EntityManager em,
            ContinuityConfig config, CurrentSchedule current) {
        this.current = current;
        this.codec = codec;
        this.publisher = publisher;
        this.waiter = waiter;
        this.em = em;
        this.timeout = config.rest().commandTimeout();
    }

    /** The request body: {@code override.requested} without {@code channel_id} (it is in the path). */
    public record OverrideRequest(UUID overrideId, OverrideAction action, UUID targetEventUuid, UUID assetUuid, Instant startUtc,
            Instant endUtc, OverrideAction.Resume resume, String reason, String requestedBy, Long expectedVersion) {
    }

    /** An override and what it did. */
    public record OverrideView(UUID overrideId, UUID channelId, OverrideAction action, String status, Instant requestedAt, Instant appliedAt,
            String reason, String requestedBy, List<UUID> supersededEventUuids, List<EventView> events) {
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    public Response create(@PathParam("channelId") UUID channelId, OverrideRequest body) {
        if (body == null) {
            throw ProblemException.badParameter("body", "an override request is required");
        }
        UUID overrideId = body.overrideId() != null ? body.overrideId() : UUID.randomUUID();
        Instant start = body.startUtc();
        Instant end = body.endUtc();
        if ((body.action() == OverrideAction.REPLACE || body.action() == OverrideAction.CANCEL) && body.targetEventUuid() != null
                && start == null && end == null) {
            // the record names the target's window too, so the log alone can apply it to a schedule that lacks the event
            Optional<Instant[]> window = targetWindow(channelId, body.targetEventUuid());
            start = window.map(w -> w[0]).orElse(null);
            end = window.map(w -> w[1]).orElse(null);
        }
        OverrideRequested event = new OverrideRequested(overrideId, channelId, body.action(), body.targetEventUuid(), body.assetUuid(),
                start, end, body.resume(), body.reason(), body.requestedBy(), body.expectedVersion());
        codec.validate(event);
        OverrideRequests.validateShape(event);
        publisher.publish(event, channelId.toString(), overrideId.toString());
        Optional<Object> outcome = waiter.await(timeout, () -> outcome(overrideId));
        URI location = URI.create("/api/v1/channels/" + channelId + "/overrides/" + overrideId);
        if (outcome.isEmpty()) {
            return Response.accepted(Map.of("override_id", overrideId, "status", "PENDING", "status_url", location.toString()))
                    .location(location).build();
        }
        if (outcome.get() instanceof Rejection rejection) {
            throw new RejectedEventException(rejection);
        }
        return Response.created(location).entity(outcome.get()).build();
    }

    @GET
    @Path("/{overrideId}")
    public Object status(@PathParam("channelId") UUID channelId, @PathParam("overrideId") UUID overrideId) {
        return outcome(overrideId).map(o -> o instanceof Rejection r
                ? Map.of("override_id", overrideId, "status", "REJECTED", "code", r.code().code(), "detail", r.describe())
                : o).orElseThrow(() -> ProblemException.notFound("no override " + overrideId + " has been applied or rejected (yet)"));
    }

    private Optional<Instant[]> targetWindow(UUID channelId, UUID eventUuid) {
        return QuarkusTransaction.requiringNew().call(() -> current.event(channelId, eventUuid)
                .map(e -> new Instant[] {e.startUtc, e.endUtc}));
    }

    /** The applied override, its rejection, or nothing yet. */
    private Optional<Object> outcome(UUID overrideId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlaylogOverrideEntity applied = PlaylogOverrideEntity.findById(overrideId);
            if (applied != null && "APPLIED".equals(applied.status)) {
                return Optional.of(view(applied));
            }
            if (applied != null && "REJECTED".equals(applied.status) && applied.rejectionReason != null) {
                // refused when applied after catching up with the log: code, field and detail, tab-separated
                String[] parts = applied.rejectionReason.split("\t", 3);
                return Optional.of(new Rejection(ReasonCode.valueOf(parts[0]), parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null,
                        parts.length > 2 ? parts[2] : applied.rejectionReason));
            }
            List<?> rejected = em.createNativeQuery(
                    "SELECT reason_code, reason_field, reason_detail FROM rejected_event WHERE event_id = ?1 ORDER BY id DESC LIMIT 1",
                    Object[].class).setParameter(1, overrideId.toString()).getResultList();
            if (!rejected.isEmpty()) {
                Object[] row = (Object[]) rejected.get(0);
                return Optional.of(new Rejection(ReasonCode.valueOf(((String) row[0]).toUpperCase(java.util.Locale.ROOT)), (String) row[1],
                        (String) row[2]));
            }
            return Optional.empty();
        });
    }

    /** The override with what it superseded and the events it made in the version it created. */
    private static OverrideView view(PlaylogOverrideEntity o) {
        List<BroadcastPlaylogEventEntity> made = BroadcastPlaylogEventEntity.list("""
                select e from BroadcastPlaylogEventEntity e, BroadcastScheduleDayEntity d where d.id = e.scheduleDayId
                and d.channelId = ?1 and d.broadcastDay = ?2 and d.version = ?3 and e.overrideId = ?4 order by e.startUtc""",
                o.channelId, o.broadcastDay, o.appliedVersion, o.id);
        return new OverrideView(o.id, o.channelId, o.action, o.status, o.requestedAt, o.appliedAt, o.reason, o.requestedBy,
                o.supersededEventUuids, made.stream().map(EventView::of).toList());
    }
}
