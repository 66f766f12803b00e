package io.continuity.resolver;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.hibernate.Session;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.Rejection;
import io.continuity.events.ScheduleDecided;
import io.continuity.events.Topic;
import io.continuity.messaging.OffsetStore;
import io.continuity.messaging.Outbox;
import io.continuity.messaging.ReplayGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Records every decision that makes ScheduleDay versions, in the transaction that makes them: a live decision goes to
 * {@code continuity.schedule-decisions} (through the outbox) with its time and the input positions of the database
 * snapshot it read, so a rebuild can make it again (see {@link ReplayGate}); a replayed decision is only noted, under its
 * recorded id, so it is made once per database.
 */
@ApplicationScoped
public class ScheduleDecisions {

    private final EntityManager em;
    private final OffsetStore offsets;
    private final Outbox outbox;
    private final CloudEventCodec codec;
    private final String group;
    private final String source;

    public ScheduleDecisions(EntityManager em, OffsetStore offsets, Outbox outbox, CloudEventCodec codec, ContinuityConfig config) {
        this.em = em;
        this.offsets = offsets;
        this.outbox = outbox;
        this.codec = codec;
        this.group = config.consumerGroup();
        this.source = config.source();
    }

    /** Whether this database has made (or replayed) the decision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean made(UUID decisionId) {
        return !em.createNativeQuery("SELECT 1 FROM schedule_decision WHERE decision_id = ?1").setParameter(1, decisionId)
                .getResultList().isEmpty();
    }

    /** A resolution decided now: recorded with the input positions of this transaction's snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(UUID channelId, Instant now, Collection<LocalDate> days, List<String> causes, Set<UUID> notAired) {
        Map<String, Map<Integer, Long>> inputs = new TreeMap<>();
        for (Topic topic : ReplayGate.INPUTS) {
            inputs.put(topic.topicName(), new TreeMap<>(offsets.load(group, topic.topicName())));
        }
        List<LocalDate> sortedDays = days == null ? null : days.stream().sorted().toList();
        List<UUID> sortedNotAired = new ArrayList<>(notAired);
        sortedNotAired.sort(null);
        publish(new ScheduleDecided(UUID.randomUUID(), channelId, ScheduleDecided.Kind.RESOLUTION, now, null, null, null, null, null, sortedDays,
                causes, inputs, sortedNotAired));
    }

    /**
     * What became of an override command, decided now: applied on its own, kept until its channel is resolved, or
     * rejected. A rebuild does the same with the command (the state it reads the command in may differ between
     * decisions) at the same time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void overrideDecided(UUID channelId, UUID overrideId, String commandId, String commandPosition, Instant now,
            ScheduleDecided.Outcome outcome, Rejection rejection) {
        publish(new ScheduleDecided(UUID.randomUUID(), channelId, ScheduleDecided.Kind.OVERRIDE, now, overrideId, commandId, commandPosition,
                outcome, rejection, null, List.of(), Map.of(), List.of()));
    }

    /** A recorded decision made again here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replayed(ScheduleDecided decision) {
        note(decision, true);
    }

    private void publish(ScheduleDecided decision) {
        note(decision, false);
        outbox.enqueue(codec.encode(decision, decision.channelId().toString(), decision.decisionId().toString(), decision.decidedAt(), source));
    }

    private void note(ScheduleDecided decision, boolean replayed) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO schedule_decision (decision_id, channel_id, kind, decided_at, override_id, replayed)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id) DO NOTHING""")) {
                s.setObject(1, decision.decisionId());
                s.setObject(2, decision.channelId());
                s.setString(3, decision.kind().name());
                s.setObject(4, decision.decidedAt().atOffset(ZoneOffset.UTC));
                s.setObject(5, decision.overrideId(), Types.OTHER);
                s.setBoolean(6, replayed);
                s.executeUpdate();
            }
        });
    }
}
