package io.continuity.bench;

import java.time.Duration;

/**
 * B1, B3, B4, B6's start-up figure and the XMLTV query, on one service that starts on an empty database with empty
 * topics and then takes the B1 stream live: the channels B1 creates are the ones B3 changes and B4 overrides.
 */
final class LiveStage {

    private static final Duration CHURN_EVERY = Duration.ofSeconds(15);
    private static final int CHURN_RECORDS = 40;

    private final BenchOptions options;
    private final Footprint footprint;
    private final Phases phases;

    LiveStage(BenchOptions options, Footprint footprint, Phases phases) {
        this.options = options;
        this.footprint = footprint;
        this.phases = phases;
    }

    void run(Table table) throws Exception {
        try (BenchStack stack = BenchStack.start(options)) {
            Service service = stack.startService("live", stack.database("continuity_bench_live"));
            footprint.ready(service.startToReady(), ProcStatus.rssMiB(service.pid()), stack.awaitConsuming(service));
            phases.add("B6 start-up", stack.jfrFile("live"), service.launchedNanos(), service.launchedNanos() + service.startToReady().toNanos());
            PeerCorpus corpus = new PeerCorpus(options.scale().library(), 0xB1L);
            IngestBenchmark.run(stack, service, corpus, options, table, phases);
            // B3 and B4 are measured while every channel is being re-resolved in the bulk lane (docs/decisions.md 17)
            Duration every = CHURN_EVERY;
            try (CatalogChurn churn = new CatalogChurn(stack.bootstrap(), corpus.bumperRetitles(CHURN_RECORDS), every)) {
                if (options.runs("B3")) {
                    new PlanChangeLatency(corpus, options.scale()).run(stack, service, options, table, phases);
                }
                if (options.runs("B4")) {
                    new OverrideLatency().run(stack, service, corpus, options, table, phases);
                }
                if (options.runs("B3") || options.runs("B4")) {
                    table.note(String.format("B3, B4: measured while a bumper every channel airs was retitled every %d s (%d times): each"
                            + " retitle queues the re-resolution of all %d live channels × 7 days as bulk work.", every.toSeconds(), churn.sent(),
                            options.scale().ingestChannels()));
                }
            }
            if (options.runs("B5")) {
                Progress.say("B5: XMLTV export of every channel for 3 days");
                long start = System.nanoTime();
                QueryBenchmark.xmltv(service, table);
                phases.add("B5 XMLTV", stack.jfrFile("live"), start, System.nanoTime());
            }
            stack.stop(service);
        }
    }
}
