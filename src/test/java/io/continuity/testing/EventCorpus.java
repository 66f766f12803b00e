package io.continuity.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventType;
import io.continuity.events.LabelDefined;
import io.continuity.events.OutgoingRecord;
import io.continuity.events.PlanCreated;
import io.continuity.events.PlanUpdated;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.resolver.core.OverrideAction;

/**
 * A deterministic stream of contract records (valid ones plus a sprinkling of invalid ones) for replay, reliability
 * and benchmark runs: channels with layered plans and assignments, and a catalog of series, movies and filler.
 */
public final class EventCorpus {

    private final Random random;
    private final List<OutgoingRecord> records = new ArrayList<>();
    private final List<UUID> channelIds = new ArrayList<>();
    private final List<UUID> movieIds = new ArrayList<>();
    private int invalid;
    private int overrides;

    public EventCorpus(long seed) {
        this.random = new Random(seed);
    }

    public List<OutgoingRecord> records() {
        return records;
    }

    public int invalidCount() {
        return invalid;
    }

    /** How many override requests {@link #overrides} added. */
    public int overrideCount() {
        return overrides;
    }

    /** A catalog of {@code series} series with {@code episodes} episodes each, 20 movies and 30 filler bumpers. */
    public EventCorpus catalog(int series, int episodes) {
        List<UUID> movies = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            for (int e = 1; e <= episodes; e++) {
                UUID id = uuid();
                add(id.toString(), Fixtures.episode(id, "series-" + s, 1 + (e - 1) / 10, e));
            }
        }
        for (int m = 0; m < 20; m++) {
            UUID id = uuid();
            movies.add(id);
            movieIds.add(id);
            add(id.toString(), new io.continuity.events.AssetUpserted(id, "Movie " + m, AssetKind.MOVIE, (90L + random.nextInt(60)) * 60_000,
                    null, null, null, null, null, null, null, m % 2 == 0 ? "drama" : "comedy", "PG", List.of(), null, "ready", true,
                    false, null));
        }
        for (int f = 0; f < 30; f++) {
            UUID id = uuid();
            add(id.toString(), Fixtures.filler(id, (15L + random.nextInt(165)) * 1000));
        }
        UUID virtual = uuid();
        add(virtual.toString(), new VirtualAssetDefined(virtual, "Classics", movies.subList(0, 5), null, null));
        return this;
    }

    /** {@code count} channels, each with a weekday plan, a holiday plan and a handful of assignment changes. */
    public EventCorpus channels(int count) {
        for (int c = 0; c < count; c++) {
            UUID channel = uuid();
            channelIds.add(channel);
            String key = channel.toString();
            add(key, Fixtures.channel(channel, c % 2 == 0 ? "America/New_York" : "Europe/London", 30, List.of(0, 30), "06:00"));
            UUID weekday = uuid();
            UUID holiday = uuid();
            UUID label = uuid();
            add(key, Fixtures.plan(weekday, channel, 10));
            add(key, new PlanCreated(holiday, channel, "Christmas", 20, "0 0 25 12 *", null, null, true, null));
            add(key, new LabelDefined(label, channel, "Prime time", "#336699", null));
            List<UUID> assignments = new ArrayList<>();
            for (int slot = 0; slot < 8; slot++) {
                UUID a = uuid();
                assignments.add(a);
                add(key, new AssignmentAdded(a, weekday, channel, String.format("%02d:00", slot * 3), 120, ContentType.SERIES,
                        new TextNode("series-" + random.nextInt(5)), slot % 2 == 0 ? label : null, EpisodePolicy.SEQUENTIAL, null, null, null));
            }
            add(key, new AssignmentAdded(uuid(), holiday, channel, "13:00", 60, ContentType.RULE,
                    new TextNode("{\"genre\": \"drama\", \"max_duration\": 150}"), null, null, Map.of("avoid_repeats", true), null, null));
            add(key, new AssignmentUpdated(assignments.get(1), weekday, channel, "03:00", 90, ContentType.SERIES, new TextNode("series-1"), null,
                    EpisodePolicy.SYNDICATION, null, "moved", 1L));
            add(key, new AssignmentRemoved(assignments.get(2), weekday, channel, null));
            add(key, new PlanUpdated(weekday, channel, "Weekdays (revised)", 11, "0 0 * * 1-5", null, null, true, 1L));
            addInvalid(key, Fixtures.assignment(uuid(), weekday, channel, "00:15", 30));
            addInvalid(key, new AssignmentAdded(uuid(), weekday, channel, "00:00", 30, ContentType.SERIES, new TextNode("x"), null, null, null,
                    null, null));
        }
        return this;
    }

    /**
     * A time-shifted copy of each of the first {@code count} channels: the first an hour later in its source's zone, the
     * others 90 minutes later in Asia/Tokyo with a 05:00 day start (their days cut across the source's). Call after
     * {@link #channels}.
     */
    public EventCorpus timeShiftedCopies(int count) {
        for (int c = 0; c < Math.min(count, channelIds.size()); c++) {
            UUID source = channelIds.get(c);
            UUID copy = uuid();
            ChannelConfigured base = c == 0 ? Fixtures.channel(copy, c % 2 == 0 ? "America/New_York" : "Europe/London", 30, List.of(0, 30), "06:00")
                    : Fixtures.channel(copy, "Asia/Tokyo", 30, List.of(0, 30), "05:00");
            add(copy.toString(), new ChannelConfigured(copy, base.slug(), base.title() + " +" + (c == 0 ? 60 : 90), base.timezone(),
                    base.gridBlockMinutes(), base.blockStartOffsetsMinutes(), base.programmingDayStart(), base.fillerRule(), null, null,
                    new ChannelConfigured.TimeShift(source, c == 0 ? 60 : 90)));
        }
        return this;
    }

    /**
     * Breaking-news INSERT overrides of a movie on the first two channels, {@code perChannel} each, on the broadcast days
     * a service with its clock at 2026-11-23T07:00Z resolves (both resume modes). Call after {@link #catalog} and
     * {@link #channels}.
     */
    public EventCorpus overrides(int perChannel) {
        for (int c = 0; c < Math.min(2, channelIds.size()); c++) {
            UUID channel = channelIds.get(c);
            for (int i = 0; i < perChannel; i++) {
                Instant start = Instant.parse("2026-11-24T15:05:00Z").plus(java.time.Duration.ofHours(26L * i)).plusSeconds(60L * c);
                add(channel.toString(), new io.continuity.events.OverrideRequested(uuid(), channel, OverrideAction.INSERT, null,
                        movieIds.get(i % movieIds.size()), start, start.plus(java.time.Duration.ofMinutes(4)),
                        i % 2 == 0 ? OverrideAction.Resume.JOIN_IN_PROGRESS : OverrideAction.Resume.NEXT_EVENT, "corpus breaking news", "corpus", null));
                overrides++;
            }
        }
        return this;
    }

    private void add(String key, ContinuityEvent event) {
        records.add(encode(key, event));
    }

    private void addInvalid(String key, ContinuityEvent event) {
        invalid++;
        add(key, event);
    }

    private OutgoingRecord encode(String key, ContinuityEvent event) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventCodec.ceHeaders(EventType.of(event).ceType(), uuid().toString(),
                Instant.parse("2026-11-20T10:00:00Z").plusSeconds(records.size()), "urn:corpus"));
        return new OutgoingRecord(EventType.of(event).topic().topicName(), key, headers, KafkaTestClient.json(event));
    }

    /** Adds a record whose payload is not JSON at all. */
    public EventCorpus garbage(String topic, String key) {
        invalid++;
        records.add(new OutgoingRecord(topic, key, CloudEventCodec.ceHeaders(EventType.CHANNEL_CONFIGURED.ceType(), uuid().toString(),
                Instant.parse("2026-11-20T10:00:00Z"), "urn:corpus"), "{not json".getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
