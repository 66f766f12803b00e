package io.continuity.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** When each benchmark ran, and which flight recording covers it: lets {@link JfrTop} say where each one's time went. */
final class Phases {

    /** One benchmark's window in one process's recording. */
    record Phase(String name, Path recording, Instant start, Instant end) {
    }

    private final List<Phase> phases = new ArrayList<>();

    /** Records a phase given {@link System#nanoTime()} readings. */
    void add(String name, Path recording, long startNanos, long endNanos) {
        long now = System.nanoTime();
        Instant wall = Instant.now();
        phases.add(new Phase(name, recording, wall.minusNanos(now - startNanos), wall.minusNanos(now - endNanos)));
    }

    List<Phase> all() {
        return List.copyOf(phases);
    }
}
