package io.continuity.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The reference ChannelManager ({@code continuity.simulator.*}): off in production, on in the local run. */
@ConfigMapping(prefix = "continuity.simulator")
public interface SimulatorConfig {

    /** Whether this instance runs the reference ChannelManager. */
    @WithDefault("false")
    boolean enabled();

    /** Channel slugs to play; empty plays every channel it hears about. */
    Optional<List<String>> channels();

    /** Its own consumer group: it reads the output topics like any external ChannelManager. */
    @WithDefault("continuity-reference-channel-manager")
    String groupId();

    /** How often the playout loop looks at the clock. Transitions happen at the planned instants whatever the tick. */
    @WithDefault("PT0.2S")
    Duration tick();

    /** Fault injection. */
    Faults faults();

    /** Faults the reference ChannelManager injects, to exercise fallback and reconciliation. */
    interface Faults {
        /** Assets reported missing: their events follow the fallback chain. */
        Optional<List<UUID>> missingAssets();

        /** Share of events (0–1) that get a random fault: late start, early end or skip. */
        @WithDefault("0")
        double rate();

        /** Seed for choosing faulty events (deterministic per event uuid). */
        @WithDefault("42")
        long seed();

        /** How late a late start is, and how early an early end. */
        @WithDefault("PT20S")
        Duration shift();
    }
}
