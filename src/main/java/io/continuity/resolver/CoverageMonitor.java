package io.continuity.resolver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.continuity.alert.Alerts;
import io.continuity.config.ContinuityConfig;
import io.continuity.messaging.PartitionTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The scheduled horizon roll: checks how far ahead each owned channel is resolved, alerts when that is less than
 * {@code continuity.horizon.minimum-lead-days}, and requests a resolution so the horizon moves forward with the clock.
 */
@ApplicationScoped
public class CoverageMonitor {

    private final EntityManager em;
    private final ResolutionRequests requests;
    private final PartitionTracker partitions;
    private final Alerts alerts;
    private final ContinuityConfig config;

    public CoverageMonitor(EntityManager em, ResolutionRequests requests, PartitionTracker partitions, Alerts alerts,
            ContinuityConfig config) {
        this.em = em;
        this.requests = requests;
        this.partitions = partitions;
        this.alerts = alerts;
        this.config = config;
    }

    @Transactional
    public void rollAndCheck(Set<Integer> ownedPartitions, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> channels = em.createNativeQuery("""
                SELECT c.id, (SELECT max(d.day_end_utc) FROM broadcast_schedule_day d WHERE d.channel_id = c.id AND d.superseded_at IS NULL)
                FROM channel c WHERE NOT c.is_retired ORDER BY c.id""", Object[].class).getResultList();
        Duration minimum = Duration.ofDays(config.horizon().minimumLeadDays());
        for (Object[] row : channels) {
            UUID channelId = (UUID) row[0];
            int partition = partitions.planPartitionOf(channelId);
            if (!ownedPartitions.contains(partition)) {
                continue;
            }
            if (row[1] != null) {
                Instant coveredUntil = toInstant(row[1]);
                Duration lead = Duration.between(now, coveredUntil);
                if (lead.compareTo(minimum) < 0) {
                    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                    alerts.raise(channelId, Alerts.Kind.COVERAGE_BELOW_LEAD, Alerts.Severity.CRITICAL, null,
                            "resolved coverage ahead is " + lead.toHours() + " h, below the minimum lead of " + minimum.toDays() + " days",
                            Map.of("covered_until", coveredUntil.toString(), "lead_hours", lead.toHours()), now, "lead/" + today);
                }
            }
            requests.request(channelId, partition, "horizon roll", now);
        }
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
