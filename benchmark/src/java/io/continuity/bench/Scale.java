package io.continuity.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How big a benchmark run is. {@code full} is the size issue 8 asks for; {@code small} takes a few minutes and shows
 * the same shape; {@code smoke} takes seconds and only proves the harness still works (the test suite runs it).
 *
 * @param library          the catalog every channel draws from (the peer workload's library at full size)
 * @param ingestChannels   channels published live for B1 (and used by B3, B4 and the XMLTV query)
 * @param ingestUpdates    assignment updates per channel in the B1 stream
 * @param rebuildChannels  channels in the event log B2 rebuilds (7 days each)
 * @param scaleOutChannels channels in the event log B8 rebuilds with a 1 GiB heap (0: B8 is not run at this scale)
 * @param changeRate       plan changes offered per second (B3)
 * @param changeDuration   how long B3 offers them, after the warm-up
 * @param overrideRate     overrides offered per second (B4)
 * @param overrideDuration how long B4 offers them, after the warm-up
 * @param backgroundRate   background plan changes per second during B4
 * @param queryRate        B5 requests per second for each query kind
 * @param queryDuration    how long each B5 query kind runs, after the warm-up
 * @param warmup           offered at the same rate before recording starts
 * @param e2eRecords       records Kafka's EndToEndLatency sends for a ceiling
 * @param peerChannels     the B7 workload sizes
 * @param progressEvery    how often a long wait prints where it is
 */
public record Scale(String name, Library library, int ingestChannels, int ingestUpdates, int rebuildChannels, int scaleOutChannels, double changeRate,
        Duration changeDuration, double overrideRate, Duration overrideDuration, double backgroundRate, double queryRate,
        Duration queryDuration, Duration warmup, int e2eRecords, List<Integer> peerChannels, Duration progressEvery) {

    /** The catalog: series × episodes of 22 minutes, movies of 90–150 minutes, filler of 15–180 seconds. */
    public record Library(int series, int episodesPerSeries, int movies, int fillers) {

        public int assets() {
            return series * episodesPerSeries + movies + fillers;
        }
    }

    private static final Library PEER_LIBRARY = new Library(50, 100, 200, 300);

    public static Scale of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "full" -> new Scale("full", PEER_LIBRARY, 100, 5, 1000, 10_000, 1, seconds(120), 5, seconds(60), 1, 1000, seconds(30), seconds(5), 3000,
                    List.of(10, 100), seconds(10));
            case "small" -> new Scale("small", PEER_LIBRARY, 20, 5, 100, 1000, 1, seconds(20), 5, seconds(15), 1, 500, seconds(10), seconds(3), 1000,
                    List.of(10, 100), seconds(5));
            case "smoke" -> new Scale("smoke", new Library(6, 20, 20, 30), 3, 2, 4, 0, 1, seconds(2), 2, seconds(2), 1, 50, seconds(1),
                    Duration.ofMillis(300), 100, List.of(2), seconds(2));
            default -> throw new IllegalArgumentException("bench.scale must be full, small or smoke, was '" + name + "'");
        };
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    /** Days resolved per channel: today plus the horizon the service is started with. */
    public static final int DAYS = 7;
}
