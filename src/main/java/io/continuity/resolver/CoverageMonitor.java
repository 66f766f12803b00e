package io.continuity.resolver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.continuity.alert.Alerts;
import io.continuity.inputs.ChannelEntity;
import io.continuity.config.ContinuityConfig;
import io.continuity.messaging.PartitionTracker;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.ChannelSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The scheduled horizon roll: checks how far ahead each owned channel is resolved, alerts when that is less than
 * {@code continuity.horizon.minimum-lead-days}, and requests a resolution where the horizon must move forward with the
 * clock.
 */
@ApplicationScoped
public class CoverageMonitor {

    private static final Logger LOG = Logger.getLogger(CoverageMonitor.class);

    private final CurrentSchedule current;
    private final ResolutionRequests requests;
    private final PartitionTracker partitions;
    private final Alerts alerts;
    private final ContinuityConfig config;

    public CoverageMonitor(CurrentSchedule current, ResolutionRequests requests, PartitionTracker partitions, Alerts alerts,
            ContinuityConfig config) {
        this.current = current;
        this.requests = requests;
        this.partitions = partitions;
        this.alerts = alerts;
        this.config = config;
    }

    /**
     * Checks every owned channel's coverage and requests a resolution for each channel that needs one: on the first
     * roll after start-up ({@code everyChannel}) all of them, so whatever changed while no instance ran is picked up;
     * afterwards only those whose resolved horizon no longer reaches the end of the last horizon day, i.e. once per
     * broadcast-day change. Every input that can change a schedule (plan, catalog, as-run, override) requests its own
     * resolution, so resolving unchanged channels on every roll would recompute identical days.
     */
    @Transactional
    public void rollAndCheck(Set<Integer> ownedPartitions, Instant now, boolean everyChannel) {
        Map<UUID, Instant> coveredUntil = current.coverage();
        Duration minimum = Duration.ofDays(config.horizon().minimumLeadDays());
        int owned = 0;
        Map<UUID, Integer> toResolve = new java.util.LinkedHashMap<>();
        for (ChannelEntity channel : ChannelEntity.<ChannelEntity>list("retired = false order by id")) {
            int partition = partitions.planPartitionOf(channel.id);
            if (!ownedPartitions.contains(partition)) {
                continue;
            }
            owned++;
            Instant covered = coveredUntil.get(channel.id);
            if (covered != null) {
                Duration lead = Duration.between(now, covered);
                if (lead.compareTo(minimum) < 0) {
                    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                    alerts.raise(channel.id, Alerts.Kind.COVERAGE_BELOW_LEAD, Alerts.Severity.CRITICAL, null,
                            "resolved coverage ahead is " + lead.toHours() + " h, below the minimum lead of " + minimum.toDays() + " days",
                            Map.of("covered_until", covered.toString(), "lead_hours", lead.toHours()), now, "lead/" + today);
                }
            }
            if (everyChannel || horizonShort(CoreMapping.channel(channel), covered, now, config.horizon().days())) {
                toResolve.put(channel.id, partition);
            }
        }
        requests.requestEach(toResolve, "horizon roll", now);
        int requested = toResolve.size();
        LOG.logf(requested > 0 ? Logger.Level.INFO : Logger.Level.DEBUG, "Horizon roll at %s: %d of %d owned channels to resolve (%s)", now,
                requested, owned, everyChannel ? "first roll after start-up: every channel" : "a new broadcast day entered their horizon");
    }

    /**
     * Whether the channel's resolved schedule ({@code coveredUntil}, the end of its last current day; null when none)
     * stops before the end of broadcast day today + {@code days}, today being the broadcast day of {@code now} in the
     * channel's zone. Exact across DST changes: the days are the channel's own.
     */
    static boolean horizonShort(ChannelSpec channel, Instant coveredUntil, Instant now, int days) {
        if (coveredUntil == null) {
            return true;
        }
        LocalDate lastDay = BroadcastDays.broadcastDayOf(channel, now).plusDays(days);
        return coveredUntil.isBefore(BroadcastDays.dayEnd(channel, lastDay));
    }
}
