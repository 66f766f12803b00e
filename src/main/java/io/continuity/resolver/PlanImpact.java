package io.continuity.resolver;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.continuity.inputs.ChannelEntity;
import io.continuity.config.ContinuityConfig;
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

    public PlanImpact(EntityManager em, ResolutionRequests requests, Clock clock, ContinuityConfig config, CurrentSchedule current) {
        this.current = current;
        this.em = em;
        this.requests = requests;
        this.clock = clock;
        this.config = config;
    }

    /** A change of the channel itself (zone, grid, filler, default programming): every day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void channelChanged(UUID channelId, int partition, String reason, Instant at, String cause) {
        requests.request(channelId, partition, reason, at, null, List.of(cause));
    }

    /** A change of one plan or of one of its assignments, already projected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planChanged(UUID channelId, UUID planId, int partition, String reason, Instant at, String cause) {
        ChannelEntity channel = em.find(ChannelEntity.class, channelId);
        if (channel == null || channel.retired) {
            return;
        }
        requests.request(channelId, partition, reason, at, days(CoreMapping.channel(channel), planId), List.of(cause));
    }

    private Set<LocalDate> days(ChannelSpec spec, UUID planId) {
        Set<LocalDate> days = new TreeSet<>();
        LocalDate today = BroadcastDays.broadcastDayOf(spec, clock.instant());
        PlanSpec plan = ChannelInputs.plans(spec.id()).stream().filter(p -> p.id().equals(planId)).findFirst().orElse(null);
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
