package io.continuity.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.type.TypeReference;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.events.AlertRaised;
import io.continuity.events.EventJson;
import io.continuity.messaging.Commands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The alerts raised (the {@code schedule_alert} table, the same records {@code continuity.schedule-alerts} carries),
 * newest first: what an operator must look at — coverage below the lead, fallbacks, as-run discrepancies.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class AlertQueryResource {

    static final int MAX_LIMIT = 1000;
    static final Duration DEFAULT_SINCE = Duration.ofHours(24);

    private final EntityManager em;
    private final Clock clock;

    public AlertQueryResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Alerts raised since an instant (default: the last 24 hours), newest first; optionally of one channel "
            + "and at least a severity (INFO < WARNING < CRITICAL)")
    public List<AlertRaised> list(@QueryParam("channel_id") String channelId, @QueryParam("since") String since,
            @QueryParam("min_severity") @DefaultValue("INFO") String minSeverity, @QueryParam("limit") @DefaultValue("200") int limit) {
        UUID channel = channelId == null ? null : uuid(channelId);
        Instant from = since == null ? clock.instant().minus(DEFAULT_SINCE) : TimeRange.instant("since", since);
        Alerts.Severity floor = severity(minSeverity);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badParameter("limit", "must be 1 to " + MAX_LIMIT);
        }
        List<String> severities = Arrays.stream(Alerts.Severity.values()).filter(s -> s.compareTo(floor) >= 0).map(Enum::name).toList();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, channel_id, kind, severity, broadcast_day, raised_at, message, details::text
                FROM schedule_alert
                WHERE raised_at >= ?1 AND (CAST(?2 AS uuid) IS NULL OR channel_id = ?2) AND severity = ANY (?3)
                ORDER BY raised_at DESC, id LIMIT ?4""", Object[].class)
                .setParameter(1, from).setParameter(2, channel).setParameter(3, severities.toArray(String[]::new)).setParameter(4, limit)
                .getResultList().stream().map(r -> view((Object[]) r)).toList());
    }

    private static AlertRaised view(Object[] r) {
        return new AlertRaised((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], r[4] == null ? null : LocalDate.parse((String) r[4]),
                Commands.instant(r[5]), (String) r[6], details((String) r[7]));
    }

    private static Map<String, Object> details(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable alert details", e);
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("channel_id", "must be a UUID");
        }
    }

    private static Alerts.Severity severity(String value) {
        try {
            return Alerts.Severity.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("min_severity", "must be INFO, WARNING or CRITICAL");
        }
    }
}
