package io.continuity.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventType;
import io.continuity.events.OutgoingRecord;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.testing.KafkaTestClient;

/**
 * The peer workload ({@code shared/bench/peer-workload.md}) as contract records, so the packaged service resolves the
 * same kind of channel the peer scheduler was measured on: a library of 22-minute series episodes, 90–150 minute
 * movies and 15–180 second fillers, and per channel one everyday plan — a 6-hour movie block with no repeats in the
 * week, 28 half-hour blocks of different series in order, a 4-hour movie block — padded to a 30-minute grid.
 */
final class PeerCorpus {

    /** The schedule-time minute of the first series block; block k starts 30 k minutes later. */
    static final int FIRST_SERIES_MINUTE = 360;
    static final int SERIES_BLOCKS = 28;

    private final Scale.Library library;
    private final long prefix;
    private final Random random = new Random(20_260_101L);
    private final Map<UUID, Integer> seriesOfAsset = new HashMap<>();
    private final List<UUID> episodes = new ArrayList<>();
    private long sequence;

    /**
     * @param prefix distinguishes the channels of one corpus from another's (their ids and slugs)
     */
    PeerCorpus(Scale.Library library, long prefix) {
        this.library = library;
        this.prefix = prefix;
    }

    /** One channel's ids: the channel, its plan, and an assignment id per start minute. */
    record Channel(int index, UUID id, UUID planId) {

        UUID assignment(int startMinute) {
            return new UUID(planId.getMostSignificantBits() ^ 0xA5L, planId.getLeastSignificantBits() * 1440 + startMinute);
        }

        static int seriesBlockMinute(int k) {
            return FIRST_SERIES_MINUTE + 30 * k;
        }
    }

    Channel channel(int c) {
        return new Channel(c, new UUID(prefix, c), new UUID(prefix + 0x1000L, c));
    }

    /** The series (index) an episode belongs to, or null for movies and fillers. */
    Integer seriesOf(UUID asset) {
        return seriesOfAsset.get(asset);
    }

    /** Some episode, for overrides that need an eligible 22-minute asset. */
    UUID episode(int n) {
        return episodes.get(n % episodes.size());
    }

    static String seriesId(int s) {
        return "series-" + s;
    }

    /** The series channel c airs in series block k. */
    int initialSeries(int c, int k) {
        return (7 * c + k) % library.series();
    }

    int seriesCount() {
        return library.series();
    }

    List<OutgoingRecord> catalog() {
        List<OutgoingRecord> out = new ArrayList<>();
        for (int s = 0; s < library.series(); s++) {
            for (int e = 0; e < library.episodesPerSeries(); e++) {
                UUID id = new UUID(0xCA7A1000L + s, e);
                seriesOfAsset.put(id, s);
                episodes.add(id);
                out.add(encode(id.toString(), new AssetUpserted(id, "Series " + s + " S" + (1 + e / 20) + "E" + (1 + e % 20), AssetKind.EPISODE,
                        Duration.ofMinutes(22).toMillis(), seriesId(s), "Series " + s, 1 + e / 20, 1 + e % 20, null, null, null,
                        "comedy", "TV-PG", List.of(), null, "ready", true, false, null)));
            }
        }
        for (int m = 0; m < library.movies(); m++) {
            UUID id = new UUID(0x30F1E000L, m);
            long millis = Duration.ofMinutes(90).toMillis() + random.nextInt(3_600_001);
            out.add(encode(id.toString(), new AssetUpserted(id, "Movie " + m, AssetKind.MOVIE, millis, null, null, null, null, null, null, null,
                    "drama", "PG", List.of(), null, "ready", true, false, null)));
        }
        for (int f = 0; f < library.fillers(); f++) {
            UUID id = new UUID(0xF1111E00L, f);
            out.add(encode(id.toString(), new AssetUpserted(id, "Bumper " + f, AssetKind.FILLER, 1000L * (15 + random.nextInt(166)), null, null,
                    null, null, null, null, null, null, null, List.of(), null, "ready", true, false, null)));
        }
        return out;
    }

    /**
     * {@code count} retitles of bumper 0 (a filler every channel's filler rule selects, so each one asks for the
     * re-resolution of every channel's every day: bulk work), made up front because records are numbered in one sequence.
     */
    List<OutgoingRecord> bumperRetitles(int count) {
        UUID id = new UUID(0xF1111E00L, 0);
        List<OutgoingRecord> out = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            out.add(encode(id.toString(), new AssetUpserted(id, "Bumper 0 take " + n, AssetKind.FILLER, 1000L * (15 + n % 20), null, null,
                    null, null, null, null, null, null, null, List.of(), null, "ready", true, false, null)));
        }
        return out;
    }

    /** Channel c's configuration, plan and 30 assignments, then {@code updates} changes of its first series blocks. */
    List<OutgoingRecord> channelRecords(int c, int updates) {
        Channel ch = channel(c);
        String key = ch.id().toString();
        List<OutgoingRecord> out = new ArrayList<>();
        out.add(encode(key, new ChannelConfigured(ch.id(), "bench-" + Long.toHexString(prefix) + "-" + c, "Bench channel " + c,
                c % 2 == 0 ? "America/New_York" : "UTC", 30, List.of(0, 30), "00:00", Map.of("kind", "filler"), null, null)));
        out.add(encode(key, new PlanCreated(ch.planId(), ch.id(), "Every day", 10, "* * * * *", null, null, true, null)));
        out.add(encode(key, movieBlock(ch, 0, 360)));
        for (int k = 0; k < SERIES_BLOCKS; k++) {
            out.add(encode(key, seriesBlock(ch, k, initialSeries(c, k))));
        }
        out.add(encode(key, movieBlock(ch, 1200, 240)));
        for (int u = 0; u < updates; u++) {
            out.add(change(ch, u % SERIES_BLOCKS, (initialSeries(c, u % SERIES_BLOCKS) + 1 + u / SERIES_BLOCKS) % library.series()));
        }
        return out;
    }

    /** An {@code assignment.updated} that makes series block k of the channel air series s. */
    OutgoingRecord change(Channel ch, int k, int s) {
        int minute = Channel.seriesBlockMinute(k);
        return encode(ch.id().toString(), new AssignmentUpdated(ch.assignment(minute), ch.planId(), ch.id(), hhmm(minute), 30, ContentType.SERIES,
                new TextNode(seriesId(s)), null, EpisodePolicy.SEQUENTIAL, null, "benchmark change", null));
    }

    /** An {@code assignment.updated} that makes series block k of the channel air one given asset. */
    OutgoingRecord assetChange(Channel ch, int k, UUID asset) {
        int minute = Channel.seriesBlockMinute(k);
        return encode(ch.id().toString(), new AssignmentUpdated(ch.assignment(minute), ch.planId(), ch.id(), hhmm(minute), 30, ContentType.ASSET,
                new TextNode(asset.toString()), null, null, null, "benchmark change", null));
    }

    private static AssignmentAdded movieBlock(Channel ch, int minute, int duration) {
        return new AssignmentAdded(ch.assignment(minute), ch.planId(), ch.id(), hhmm(minute), duration, ContentType.RANDOM,
                JsonNodeFactory.instance.objectNode().put("kind", "movie"), null, null,
                Map.of("random", true, "avoid_repeats", true, "avoid_repeats_window_days", 7), "movie block", null);
    }

    private static AssignmentAdded seriesBlock(Channel ch, int k, int s) {
        int minute = Channel.seriesBlockMinute(k);
        return new AssignmentAdded(ch.assignment(minute), ch.planId(), ch.id(), hhmm(minute), 30, ContentType.SERIES, new TextNode(seriesId(s)), null,
                EpisodePolicy.SEQUENTIAL, null, null, null);
    }

    private static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    private OutgoingRecord encode(String key, ContinuityEvent event) {
        EventType type = EventType.of(event);
        long n = sequence++;
        Map<String, String> headers = CloudEventCodec.ceHeaders(type.ceType(), new UUID(prefix ^ 0xE7E7L, n).toString(),
                Instant.parse("2026-03-01T00:00:00Z").plusMillis(n), "urn:continuity:bench");
        return new OutgoingRecord(type.topic().topicName(), key, headers, KafkaTestClient.json(event));
    }
}
