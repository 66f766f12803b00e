package io.continuity.alert;

import java.util.LinkedHashMap;
import java.util.Map;

import io.continuity.events.Topic;
import io.continuity.messaging.OutboxRecordRefused;
import io.continuity.messaging.OutboxRefusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Raises {@link Alerts.Kind#OUTBOX_RECORD_REFUSED} (CRITICAL) when the outbox relay parks or holds a record Kafka refused for
 * good, in the transaction that parks it: what was refused, why, and what to do. A refused alert record raises none (an alert
 * about it would go the same way); it is already in {@code schedule_alert}, and the refusal is still counted and parked.
 */
@ApplicationScoped
public class RefusedRecordAlerts {

    private final Alerts alerts;

    public RefusedRecordAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RefusedRecordAlerts.class);

    void onRefused(@Observes OutboxRecordRefused refused) {
        if (Topic.SCHEDULE_ALERTS.topicName().equals(refused.topic())) {
            return;
        }
        boolean parked = refused.outcome() == OutboxRefusals.Outcome.PARK;
        String what = refused.ceType() == null ? "record" : refused.ceType();
        Object version = refused.subject().get("version");
        String message = "Kafka refused outbox row " + refused.outboxId() + " (" + what + (version == null ? "" : " version " + version)
                + ", " + refused.payloadBytes() + " bytes) for " + refused.topic() + ": " + refused.reason() + ". " + (parked
                ? "It is parked and the records behind it are published; raise the limit, then POST /api/v1/outbox/parked/"
                        + refused.outboxId() + "/requeue."
                : "It may not be parked, so the relay publishes nothing behind it until the topic's limit is raised.");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outbox_id", refused.outboxId());
        details.put("topic", refused.topic());
        details.put("key", refused.key());
        details.put("ce_type", refused.ceType());
        details.put("ce_id", refused.ceId());
        details.put("payload_bytes", refused.payloadBytes());
        details.put("version", version);
        details.put("reason", refused.reason());
        details.put("reason_detail", refused.reasonDetail());
        details.put("outcome", parked ? "parked" : "held");
        String dedupe = parked ? "parked/" + refused.outboxId() + "/" + refused.at() : "held/" + refused.outboxId();
        if (refused.channelId() == null) {
            // an alert names its channel (channel_id is required in v1): a record of no channel is logged, counted and listed only
            LOG.errorf("%s %s", message, details);
            return;
        }
        alerts.raise(refused.channelId(), Alerts.Kind.OUTBOX_RECORD_REFUSED, Alerts.Severity.CRITICAL, refused.broadcastDay(), message,
                details, refused.at(), dedupe);
    }
}
