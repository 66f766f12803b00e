package io.continuity.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.continuity.events.OutgoingRecord;

/**
 * Bulk work behind B3 and B4: a bumper every channel can air is retitled at a fixed interval, so the service keeps
 * re-resolving every channel's every day (the bulk lane) while the latency-sensitive changes are measured.
 */
final class CatalogChurn implements AutoCloseable {

    private final Thread thread;
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean running = true;

    CatalogChurn(String bootstrap, List<OutgoingRecord> records, Duration every) {
        thread = Thread.ofPlatform().name("bench-catalog-churn").daemon().start(() -> {
            long due = System.nanoTime();
            try (RecordSender sender = new RecordSender(bootstrap, 0)) {
                for (OutgoingRecord record : records) {
                    if (!running) {
                        break;
                    }
                    sender.send(record);
                    sent.incrementAndGet();
                    due += every.toNanos();
                    while (running && System.nanoTime() < due) {
                        LockSupport.parkNanos(Math.min(due - System.nanoTime(), 100_000_000L));
                    }
                }
            }
        });
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
