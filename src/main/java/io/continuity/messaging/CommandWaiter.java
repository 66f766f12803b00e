package io.continuity.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets a REST command wait, bounded, until the projection has applied (or rejected) the event it published: the
 * caller reads its own write. Consumers on this instance signal after each batch; a short poll covers events that
 * another replica applies.
 */
@ApplicationScoped
public class CommandWaiter {

    private static final long POLL_MILLIS = 50;
    private final Object monitor = new Object();

    /** Wakes every waiter: a batch has committed. */
    public void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Checks {@code outcome} until it is present or {@code timeout} passes. */
    public <T> Optional<T> await(Duration timeout, Supplier<Optional<T>> outcome) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = outcome.get();
            long left = deadline - System.nanoTime();
            if (result.isPresent() || left <= 0) {
                return result;
            }
            synchronized (monitor) {
                try {
                    monitor.wait(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }
}
