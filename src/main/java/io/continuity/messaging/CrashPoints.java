package io.continuity.messaging;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test-only crash points for the reliability suite (docs/reliability.md): the process halts — no shutdown hooks, no
 * acknowledgement, nothing flushed — at a moment a signal from outside cannot hit reliably. Both are off unless
 * {@code continuity.faults.*} sets them; never set them in a deployment.
 */
@ApplicationScoped
public class CrashPoints {

    /** The exit status of a deliberate halt, so a test can tell it from any other exit. */
    public static final int HALT_STATUS = 86;

    private static final Logger LOG = Logger.getLogger(CrashPoints.class);

    private final OptionalInt haltAfterCommit;
    private final OptionalInt haltAfterOutboxSend;
    private final AtomicInteger committedBatches = new AtomicInteger();
    private final AtomicInteger sentOutboxBatches = new AtomicInteger();

    public CrashPoints(ContinuityConfig config) {
        this.haltAfterCommit = config.faults().haltAfterCommit();
        this.haltAfterOutboxSend = config.faults().haltAfterOutboxSend();
        if (haltAfterCommit.isPresent() || haltAfterOutboxSend.isPresent()) {
            LOG.warnf("Crash points armed (test only): halt after committed batch %s, after sent outbox batch %s",
                    haltAfterCommit.isPresent() ? haltAfterCommit.getAsInt() : "-", haltAfterOutboxSend.isPresent() ? haltAfterOutboxSend.getAsInt() : "-");
        }
    }

    /** Called once an input batch's transaction has committed and before the consumer acknowledges it to Kafka. */
    public void batchCommitted() {
        if (haltAfterCommit.isPresent() && committedBatches.incrementAndGet() == haltAfterCommit.getAsInt()) {
            halt("committed input batch " + haltAfterCommit.getAsInt() + ", before acknowledging it to Kafka");
        }
    }

    /** Called once Kafka acknowledged an outbox batch and before the rows are marked published. */
    public void outboxBatchSent() {
        if (haltAfterOutboxSend.isPresent() && sentOutboxBatches.incrementAndGet() == haltAfterOutboxSend.getAsInt()) {
            halt("sent outbox batch " + haltAfterOutboxSend.getAsInt() + ", before marking its rows published");
        }
    }

    private static void halt(String where) {
        // stderr, unbuffered: the log handler may never get to write once the process halts
        System.err.println("CRASH POINT: halting after " + where);
        System.err.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
