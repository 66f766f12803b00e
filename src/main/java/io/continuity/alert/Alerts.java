package io.continuity.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.AlertRaised;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.EventJson;
import io.continuity.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Raises an alert: a {@code schedule_alert} row for operators and {@code continuity.alert.raised.v1} on
 * {@code continuity.schedule-alerts}, in the caller's transaction. An alert with the same dedupe key is raised once.
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final CloudEventCodec codec;
    private final String source;

    public Alerts(EntityManager em, Outbox outbox, CloudEventCodec codec, ContinuityConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.codec = codec;
        this.source = config.source();
    }

    /** Kinds of alert on the v1 contract. */
    public enum Kind {
        COVERAGE_BELOW_LEAD, GAP_FILLED, SCARCITY_RELAXED, ASRUN_DISCREPANCY, FALLBACK_APPLIED, OVERRIDE_PINNED, RESOLUTION_FAILED,
        /** Kafka refused an outbox record for good; it was parked, or (decision log) the relay is held at it. */
        OUTBOX_RECORD_REFUSED
    }

    /** Severities on the v1 contract. */
    public enum Severity { INFO, WARNING, CRITICAL }

    /** Returns whether the alert was new (not raised before under {@code dedupeKey}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raise(UUID channelId, Kind kind, Severity severity, LocalDate day, String message, Map<String, Object> details,
            Instant now, String dedupeKey) {
        UUID id = UUID.nameUUIDFromBytes((kind + "/" + channelId + "/" + dedupeKey).getBytes(StandardCharsets.UTF_8));
        int inserted = em.createNativeQuery("""
                INSERT INTO schedule_alert (id, channel_id, kind, severity, broadcast_day, message, details, raised_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, id).setParameter(2, channelId).setParameter(3, kind.name()).setParameter(4, severity.name())
                .setParameter(5, day == null ? null : day.toString()).setParameter(6, message).setParameter(7, json(details))
                .setParameter(8, now).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        LOG.warnf("Alert %s (%s) on channel %s: %s", kind, severity, channelId, message);
        AlertRaised alert = new AlertRaised(id, channelId, kind.name(), severity.name(), day, now, message, details);
        outbox.enqueue(codec.encode(alert, channelId == null ? null : channelId.toString(), id.toString(), now, source));
        return true;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
