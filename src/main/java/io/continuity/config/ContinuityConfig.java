package io.continuity.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Continuity's own settings, all under {@code continuity.*} (environment: {@code CONTINUITY_*}). */
@ConfigMapping(prefix = "continuity")
public interface ContinuityConfig {

    /** Kafka consumer group shared by all replicas; partitions (and so channels) are split between them. */
    @WithDefault("continuity")
    String consumerGroup();

    /** The {@code ce_source} of every record Continuity publishes. */
    @WithDefault("urn:continuity:service")
    String source();

    /**
     * Whether this process is the scheduling service: its resolver, decision replay and outbox backlog. The {@code playout}
     * profile turns it off (with the service's consumers), so that process needs no database (docs/playout.md).
     */
    @WithName("scheduling.enabled")
    @WithDefault("true")
    boolean schedulingEnabled();

    /** The service clock. */
    ClockConfig clock();

    /** The resolution horizon and lock window. */
    Horizon horizon();

    /** The transactional outbox relay. */
    Outbox outbox();

    /** The REST command side. */
    Rest rest();

    /** The local run's demo data. */
    Demo demo();

    /** The in-memory read side of the schedule queries. */
    QueryCache queryCache();

    /**
     * The schedule queries ({@code now}, the playlog range) are answered from current ScheduleDay versions held in memory
     * (docs/decisions.md 16).
     */
    interface QueryCache {
        /** Off: every query reads PostgreSQL. */
        @WithDefault("true")
        boolean enabled();

        /** Bytes of serialised events held at most; unset: a quarter of the maximum heap. */
        java.util.OptionalLong maxBytes();

        /**
         * Load the days {@code now} and a 24-hour range read ahead of the queries: every channel's when the service starts,
         * a channel's again two seconds after its schedule last changed (one thread, within the bound).
         */
        @WithDefault("true")
        boolean warm();

        /** How far ahead the warming loads each channel's days once every channel's first 26 hours are held. */
        @WithDefault("P7D")
        java.time.Duration warmAhead();

        /** Bytes of rendered XMLTV documents held at most (by ETag); a document larger than half of it is not held. */
        @WithDefault("67108864")
        long xmltvMaxBytes();
    }

    /** REST commands publish an event and wait for the projection to apply it. */
    interface Rest {
        /** How long a command waits for its event to be applied before answering 202 with a status link. */
        @WithDefault("PT5S")
        Duration commandTimeout();
    }

    /** Demo channels, plans and catalog published at start-up (the local run only). */
    interface Demo {
        @WithDefault("false")
        boolean enabled();

        /**
         * Also publish the Test Card channel, which plays the demo media: the demo first imports the library folders
         * ({@code continuity.library.paths}) with a library scan, then publishes the channel once those assets are in the
         * catalog. The local run turns it on with playout ({@code ./mvnw -Prun -Dplayout}).
         */
        @WithDefault("false")
        boolean mediaChannel();
    }
    /** Reconciliation of as-run entries against the playlog. */
    Reconciliation reconciliation();

    /** Distributed tracing (OpenTelemetry). */
    Tracing tracing();

    /** Test-only crash points (docs/reliability.md); unset in every deployment. */
    Faults faults();

    /**
     * Crash points for the reliability suite: the process halts (as {@code kill -9} would) right after the n-th
     * occurrence of a step. Test only — unset, nothing happens.
     */
    interface Faults {
        /** Halt after the n-th committed input batch, before it is acknowledged to Kafka. */
        OptionalInt haltAfterCommit();

        /** Halt after Kafka accepted the n-th outbox batch, before its rows are marked published. */
        OptionalInt haltAfterOutboxSend();
    }

    /**
     * W3C trace context always travels from consumed records to published ones; spans are recorded and exported over
     * OTLP only when {@code enabled}.
     */
    interface Tracing {
        /** Record spans and export them (off by default: nothing listens on a laptop or in CI). */
        @WithDefault("false")
        boolean enabled();

        /** The OTLP/HTTP traces endpoint of the collector. */
        @WithDefault("http://localhost:4318/v1/traces")
        String otlpEndpoint();

        /** The fraction of new traces sampled (a trace begun upstream follows the upstream decision). */
        @WithDefault("1.0")
        double sampleRatio();
    }

    /** The service clock: the system UTC clock unless {@code start} is set (rehearsals, demos, tests). */
    interface ClockConfig {
        /** Run as if the current time were this instant at start-up, then advance. */
        Optional<Instant> start();

        /** How fast the clock advances when {@code start} is set (1 = real time, 60 = a minute per second). */
        @WithDefault("1")
        double speed();
    }

    /** How far ahead channels are resolved and what is frozen. */
    interface Horizon {
        /** Days after today that are kept resolved (3–7). */
        @WithDefault("4")
        int days();

        /** Events starting before now + this window are frozen: only overrides change them. */
        @WithDefault("PT2H")
        Duration lockWindow();

        /** An alert is raised when a channel's resolved coverage ahead falls below this many days. */
        @WithDefault("3")
        int minimumLeadDays();

        /** How often every owned channel's horizon is rolled forward and its coverage checked. */
        @WithDefault("PT15M")
        Duration rollInterval();

        /** How many channels are resolved at once, each in its own transaction holding that channel's row lock. */
        @WithDefault("4")
        int concurrency();

        /**
         * How many of those may resolve bulk requests (horizon rolls, catalog-wide re-resolutions) at once; the others
         * stay free for urgent ones (a plan change, a channel's settings). Unset: one fewer than the processors the JVM
         * sees, at least one and below {@code concurrency} (on 2 cores, one bulk resolution at a time).
         */
        java.util.OptionalInt bulkConcurrency();

        /**
         * While the input topics deliver a burst (batches of 100 records or more, until one second passes without one),
         * bulk resolutions wait for it to end, for at most this long in a row; urgent ones never wait. {@code PT0S} (the
         * default): never — see docs/decisions.md 29 for why it is off until the test fixtures wait for the queue.
         */
        @WithDefault("PT0S")
        Duration bulkYield();

        /**
         * A rebuild replaying recorded decisions gives up on exact replay when the inputs have not moved for this long
         * while a decision waits for them (docs/decisions.md 15).
         */
        @WithDefault("PT2M")
        Duration replayStall();
    }

    /** The relay that publishes outbox rows to Kafka. */
    interface Outbox {
        /** Whether this instance relays at all (one leader at a time publishes, chosen by an advisory lock). */
        @WithDefault("true")
        boolean enabled();

        /** Rows published per round trip. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for a wake-up notification before looking again anyway. */
        @WithDefault("PT2S")
        Duration idleWait();
    }

    /** How what aired is compared with what was planned (docs/asrun.md). */
    interface Reconciliation {
        /** How far actual start and end may differ from planned ones before an event is LATE_START or EARLY_END. */
        @WithDefault("PT2S")
        Duration tolerance();

        /** How often the sweep judges past events that no as-run entry has judged yet (MISSING among them). */
        @WithDefault("60s")
        Duration sweepInterval();

        /** How long after an event's planned end its as-run may still arrive before the event is judged. */
        @WithDefault("PT5M")
        Duration grace();

        /** The sweep judges only events and as-run entries that ended within this period before now. */
        @WithDefault("PT24H")
        Duration lookback();
    }
}
