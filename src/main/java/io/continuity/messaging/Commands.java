package io.continuity.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventType;
import io.continuity.events.ReasonCode;
import io.continuity.events.Rejection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Sends a REST command the way DESIGN.md §3 asks: publish the input event (its {@code ce_id} is the command id), then
 * wait, bounded by {@code continuity.rest.command-timeout}, until the consumer has applied it (its id is in the
 * event journal) or rejected it (its id is in {@code rejected_event}). The projection is only ever written by the
 * consumer, so the REST caller reads its own write without a second write path.
 */
@ApplicationScoped
public class Commands {

    private static final Logger LOG = Logger.getLogger(Commands.class);

    private final CommandPublisher publisher;
    private final CommandWaiter waiter;
    private final EntityManager em;
    private final Duration timeout;

    public Commands(CommandPublisher publisher, CommandWaiter waiter, EntityManager em, ContinuityConfig config) {
        this.publisher = publisher;
        this.waiter = waiter;
        this.em = em;
        this.timeout = config.rest().commandTimeout();
    }

    /** What became of a command: applied, rejected with a reason, or still pending when the wait ended. */
    public sealed interface Outcome {
        String commandId();
    }

    public record Applied(String commandId, String ceType, Instant appliedAt) implements Outcome {
    }

    public record Rejected(String commandId, Rejection rejection) implements Outcome {
    }

    public record Pending(String commandId) implements Outcome {
    }

    /**
     * Publishes {@code event} keyed by {@code key} with {@code ce_id = commandId} and waits for its outcome, at most
     * the configured timeout or the caller's shorter {@code preferredWait}.
     */
    public Outcome send(ContinuityEvent event, String key, String commandId, Optional<Duration> preferredWait) {
        long started = System.nanoTime();
        publisher.publish(event, key, commandId);
        Duration wait = preferredWait.filter(w -> w.compareTo(timeout) < 0).orElse(timeout);
        Outcome outcome = waiter.<Outcome>await(wait, () -> settled(commandId)).orElse(new Pending(commandId));
        LOG.debugf("Command %s (%s) %s after %d ms", commandId, EventType.of(event).ceType(), outcome.getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000);
        if (outcome instanceof Pending) {
            LOG.infof("Command %s (%s) not applied within %s; answering 202 with a status link", commandId, EventType.of(event).ceType(),
                    wait);
        }
        return outcome;
    }

    /** The command's outcome as of now; {@link Pending} when the consumer has not decided (or it never arrived). */
    public Outcome status(String commandId) {
        return settled(commandId).orElse(new Pending(commandId));
    }

    private Optional<Outcome> settled(String commandId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> applied = em.createNativeQuery(
                    "SELECT ce_type, applied_at FROM event_journal WHERE event_id = ?1 AND outcome = 'APPLIED'", Object[].class)
                    .setParameter(1, commandId).getResultList();
            if (!applied.isEmpty()) {
                Object[] row = (Object[]) applied.get(0);
                return Optional.of(new Applied(commandId, (String) row[0], instant(row[1])));
            }
            List<?> rejected = em.createNativeQuery(
                    "SELECT reason_code, reason_field, reason_detail FROM rejected_event WHERE event_id = ?1 ORDER BY id DESC LIMIT 1",
                    Object[].class).setParameter(1, commandId).getResultList();
            if (!rejected.isEmpty()) {
                Object[] row = (Object[]) rejected.get(0);
                ReasonCode code = ReasonCode.valueOf(((String) row[0]).toUpperCase(Locale.ROOT));
                return Optional.of(new Rejected(commandId, new Rejection(code, (String) row[1], (String) row[2])));
            }
            return Optional.empty();
        });
    }

    /** A timestamp column as JDBC or Hibernate returns it (Instant, OffsetDateTime or Timestamp). */
    public static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
