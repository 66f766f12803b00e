package io.continuity.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady background ingest while another benchmark measures: plan changes (each re-resolves a channel's horizon) at a
 * fixed rate, round-robin over channels the measured benchmark does not touch.
 */
final class BackgroundLoad implements AutoCloseable {

    static final int BLOCK = 26;

    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean running = true;

    BackgroundLoad(String bootstrap, PeerCorpus corpus, List<Integer> channels, double perSecond) {
        thread = Thread.ofPlatform().name("bench-background-load").daemon().start(() -> {
            int[] series = channels.stream().mapToInt(c -> corpus.initialSeries(c, BLOCK)).toArray();
            long interval = (long) (1e9 / perSecond);
            long due = System.nanoTime();
            try (RecordSender sender = new RecordSender(bootstrap, 0)) {
                for (long i = 0; running; i++) {
                    LockSupport.parkNanos(due - System.nanoTime());
                    int n = (int) (i % channels.size());
                    series[n] = (series[n] + 1) % corpus.seriesCount();
                    sender.send(corpus.change(corpus.channel(channels.get(n)), BLOCK, series[n]));
                    sent.incrementAndGet();
                    due += interval;
                }
            }
        });
    }

    long sent() {
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
