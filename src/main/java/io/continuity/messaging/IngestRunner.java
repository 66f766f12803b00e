package io.continuity.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.continuity.events.ContinuityEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs {@link IngestPipeline} with the failure policy of every consumer: a passing failure (database down) is retried
 * in place with backoff, holding the partition, and never dead-letters anything; a batch the database refuses for
 * good is re-run record by record so only the record at fault is rejected.
 */
@ApplicationScoped
public class IngestRunner {

    private static final Logger LOG = Logger.getLogger(IngestRunner.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final IngestPipeline pipeline;
    private final DataSource dataSource;
    private final ReplayGate gate;
    private final IngestActivity activity;
    private volatile boolean stopping;

    public IngestRunner(IngestPipeline pipeline, DataSource dataSource, ReplayGate gate, IngestActivity activity) {
        this.activity = activity;
        this.pipeline = pipeline;
        this.dataSource = dataSource;
        this.gate = gate;
    }

    /**
     * A failure counts as passing when it says so (connection lost, serialization conflict...) or when the database
     * does not answer a trivial query right now: only a healthy database can refuse a record for good.
     */
    private boolean passing(RuntimeException failure) {
        if (TransientFailures.isTransient(failure)) {
            return true;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return false;
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Applies {@code records}, holding those a recorded decision must be replayed before (see {@link ReplayGate}): the
     * records before the hold are applied, then the rest once the decision has been made again.
     */
    public <E extends ContinuityEvent> void run(List<ConsumerRecord<String, byte[]>> records, EventApplier<E> applier) {
        String topic = applier.topic().topicName();
        List<ConsumerRecord<String, byte[]>> rest = records;
        while (!rest.isEmpty()) {
            List<ConsumerRecord<String, byte[]>> now = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> later = new ArrayList<>();
            Map<Integer, Long> limits = new HashMap<>();
            Set<Integer> held = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : rest) {
                long limit = limits.computeIfAbsent(record.partition(), p -> gate.limit(topic, p));
                if (record.offset() < limit && !held.contains(record.partition())) {
                    now.add(record);
                } else {
                    held.add(record.partition());
                    later.add(record);
                }
            }
            if (now.isEmpty()) {
                if (stopping || gate.stopping()) {
                    throw new IllegalStateException("shutting down while " + topic + " waits for a recorded decision");
                }
                gate.awaitChange(500);
            } else {
                runAll(now, applier);
                activity.batchApplied(now.size(), System.nanoTime());
                gate.inputAdvanced();
            }
            rest = later;
        }
    }

    private <E extends ContinuityEvent> void runAll(List<ConsumerRecord<String, byte[]>> records, EventApplier<E> applier) {
        Duration wait = FIRST_WAIT;
        for (int attempt = 1;; attempt++) {
            try {
                pipeline.process(records, applier);
                return;
            } catch (RuntimeException e) {
                if (!passing(e)) {
                    LOG.warnf("The database refused a batch of %d records from %s (%s); applying them one by one",
                            records.size(), applier.topic().topicName(), rootMessage(e));
                    records.forEach(record -> runOne(record, applier));
                    return;
                }
                wait = pause(wait, attempt, applier, e);
            }
        }
    }

    private <E extends ContinuityEvent> void runOne(ConsumerRecord<String, byte[]> record, EventApplier<E> applier) {
        String refused = null;
        Duration wait = FIRST_WAIT;
        for (int attempt = 1;; attempt++) {
            try {
                pipeline.processOne(record, applier, refused);
                return;
            } catch (RuntimeException e) {
                if (passing(e)) {
                    wait = pause(wait, attempt, applier, e);
                } else if (refused == null) {
                    refused = rootMessage(e);
                } else {
                    throw e;
                }
            }
        }
    }

    private Duration pause(Duration wait, int attempt, EventApplier<?> applier, RuntimeException cause) {
        if (stopping) {
            throw new IllegalStateException("shutting down while the database is unavailable", cause);
        }
        if (awaiting(cause)) {
            LOG.infof("Waiting for another topic while catching up with %s (attempt %d, %s); retrying in %d ms",
                    applier.topic().topicName(), attempt, rootMessage(cause), wait.toMillis());
        } else {
            LOG.warnf("Database unavailable while applying %s (attempt %d, %s); retrying in %d ms, nothing is dead-lettered",
                    applier.topic().topicName(), attempt, rootMessage(cause), wait.toMillis());
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
        Duration longer = wait.multipliedBy(2);
        return longer.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : longer;
    }

    private static boolean awaiting(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof AwaitingInput) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
