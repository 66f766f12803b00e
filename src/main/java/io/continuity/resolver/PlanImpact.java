package io.continuity.resolver;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.continuity.config.ContinuityConfig;
import io.continuity.inputs.ChannelEntity;
import io.continuity.messaging.PartitionTracker;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.PlanSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Which of a channel's days a plan or assignment change can affect: the horizon days on which the plan applies now
 * (or on the day before, for an assignment carried over the day boundary), and the days whose current version used
 * the plan. A channel change affects every day.
 */
@ApplicationScoped
public class PlanImpact {

    private final EntityManager em;
    private final ResolutionRequests requests;
    private final Clock clock;
    private final ContinuityConfig config;
    private final CurrentSchedule current;
    private final PartitionTracker partitions;

    public PlanImpact(EntityManager em, ResolutionRequests requests, Clock clock, ContinuityConfig config, CurrentSchedule current,
            PartitionTracker partitions) {
        this.partitions = partitions;
        this.current = current;
        this.em = em;
        this.requests = requests;
        this.clock = clock;
        this.config = config;
    }

    /**
     * One change of a batch: of the channel itself (every day) when {@code planId} is null, else of one plan or one of
     * its assignments, already projected; {@code traceparent} is the trace of the record that made it.
     */
    public record Change(UUID channelId, UUID planId, int partition, String reason, String cause, String traceparent) {
    }

    /**
     * Requests, once per channel, the resolution of the days a batch's changes can affect: every day for a change of
     * the channel, else the days each changed plan applies on now or whose current version used it. The plans are read
     * once per channel, after the whole batch was projected: the days a plan affects depend only on what it is now and
     * on what the current versions were made from, not on the states it passed through within the batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(List<Change> changes, Instant at) {
        Map<UUID, List<Change>> byChannel = new LinkedHashMap<>();
        changes.forEach(change -> byChannel.computeIfAbsent(change.channelId(), id -> new ArrayList<>()).add(change));
        byChannel.forEach((channelId, ofChannel) -> {
            Change last = ofChannel.get(ofChannel.size() - 1);
            List<String> causes = ofChannel.stream().map(Change::cause).toList();
            String trace = ofChannel.stream().map(Change::traceparent).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
            if (ofChannel.stream().anyMatch(change -> change.planId() == null)) {
                requests.request(channelId, last.partition(), last.reason(), at, null, causes, trace, ResolutionRequests.Lane.URGENT);
                // a change of a channel (retired, made a copy or not one) changes what its time-shifted copies can show
                for (ChannelEntity copy : ChannelEntity.timeShiftedCopiesOf(channelId)) {
                    requests.request(copy.id, partitions.planPartitionOf(copy.id), last.reason(), at, null, causes, trace,
                            ResolutionRequests.Lane.URGENT);
                }
                return;
            }
            ChannelEntity channel = em.find(ChannelEntity.class, channelId);
            if (channel == null || channel.retired) {
                return;
            }
            ChannelSpec spec = CoreMapping.channel(channel);
            List<PlanSpec> plans = ChannelInputs.plans(channelId);
            Set<LocalDate> days = new TreeSet<>();
            ofChannel.stream().map(Change::planId).distinct().forEach(planId -> days.addAll(days(spec, plans, planId)));
            requests.request(channelId, last.partition(), last.reason(), at, days, causes, trace, ResolutionRequests.Lane.URGENT);
        });
    }

    /**
     * The days a change of these plans of the channel can affect, as {@link #changed} computes them for a batch: read
     * from the inputs the caller's transaction sees (the what-if preview's branch).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<LocalDate> affectedDays(UUID channelId, java.util.Collection<UUID> planIds) {
        ChannelEntity channel = em.find(ChannelEntity.class, channelId);
        if (channel == null || channel.retired) {
            return Set.of();
        }
        ChannelSpec spec = CoreMapping.channel(channel);
        List<PlanSpec> plans = ChannelInputs.plans(channelId);
        Set<LocalDate> days = new TreeSet<>();
        planIds.stream().distinct().forEach(planId -> days.addAll(days(spec, plans, planId)));
        return days;
    }

    private Set<LocalDate> days(ChannelSpec spec, List<PlanSpec> plans, UUID planId) {
        Set<LocalDate> days = new TreeSet<>();
        LocalDate today = BroadcastDays.broadcastDayOf(spec, clock.instant());
        PlanSpec plan = plans.stream().filter(p -> p.id().equals(planId)).findFirst().orElse(null);
        for (int i = 0; i <= config.horizon().days(); i++) {
            LocalDate day = today.plusDays(i);
            if (plan != null && (plan.matches(day) || plan.matches(day.minusDays(1)))) {
                days.add(day);
            }
        }
        for (LocalDate day : current.daysFromPlan(spec.id(), today, planId)) {
            days.add(day);
            days.add(day.plusDays(1));
        }
        return days;
    }
}
