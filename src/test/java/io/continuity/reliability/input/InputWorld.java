package io.continuity.reliability.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.AssignmentRemoved;
import io.continuity.events.AssignmentUpdated;
import io.continuity.events.ChannelConfigured;
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
import io.continuity.testing.Db;
import io.continuity.testing.Fixtures;
import io.continuity.testing.KafkaTestClient;

/**
 * A deterministic set of valid plan and catalog records whose ids are drawn fresh for every instance: two worlds built
 * with the same seed and size are the same history under different ids. That gives the fault scenarios their oracle:
 * apply one world under a fault and the other without, then compare their projections with every id replaced by its
 * logical name ({@link #snapshot}).
 *
 * <p>Each channel has a label, two plans and eight assignments; the first four ("anchors") are never moved or removed,
 * so records built against them stay invalid for as long as the world lives. The catalog has series episodes, movies,
 * filler, a virtual asset, re-upserts and a retirement.
 */
public final class InputWorld {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Instant EVENT_TIME = Instant.parse("2026-11-20T10:00:00Z");

    private final Random random;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, UUID> ids = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final List<OutgoingRecord> records = new ArrayList<>();
    private final List<UUID> channels = new ArrayList<>();
    private final List<UUID> assets = new ArrayList<>();
    private final List<Anchor> anchors = new ArrayList<>();

    /** An assignment that stays where it is for the whole world, with the index of the record that created it. */
    public record Anchor(UUID channel, UUID plan, UUID assignment, String start, int duration, int createdAt) {
    }

    public InputWorld(long seed, int channelCount, int seriesCount) {
        this.random = new Random(seed);
        catalog(seriesCount);
        for (int c = 0; c < channelCount; c++) {
            channel(c);
        }
    }

    public List<OutgoingRecord> records() {
        return records;
    }

    public List<UUID> channels() {
        return channels;
    }

    public List<UUID> assets() {
        return assets;
    }

    public List<Anchor> anchors() {
        return anchors;
    }

    public List<String> eventIds() {
        return records.stream().map(r -> r.headers().get("ce_id")).toList();
    }

    /** Sends every record once, in order. */
    public void sendTo(KafkaTestClient kafka) {
        records.forEach(kafka::send);
    }

    private void catalog(int seriesCount) {
        List<UUID> movies = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            String series = "series-" + tag + "-" + s;
            for (int e = 1; e <= 6; e++) {
                UUID id = id("episode-" + s + "-" + e);
                add(id.toString(), Fixtures.episode(id, series, 1, e));
            }
        }
        for (int m = 0; m < 6; m++) {
            UUID id = id("movie-" + m);
            movies.add(id);
            add(id.toString(), movie(id, "Movie " + m, (90L + random.nextInt(60)) * 60_000));
        }
        for (int f = 0; f < 6; f++) {
            UUID id = id("filler-" + f);
            add(id.toString(), new AssetUpserted(id, "Filler " + f, AssetKind.FILLER, (15L + random.nextInt(165)) * 1000, null, null, null, null, null,
                    null, null, null, null, List.of(), null, "ready", true, false, null));
        }
        UUID virtual = id("virtual");
        add(virtual.toString(), new VirtualAssetDefined(virtual, "Classics", movies.subList(0, 3), null, null));
        add(movies.get(0).toString(), movie(movies.get(0), "Movie 0 (restored)", 150L * 60_000));
        add(movies.get(5).toString(), new AssetRetired(movies.get(5), null));
    }

    private static AssetUpserted movie(UUID id, String title, long durationMs) {
        return new AssetUpserted(id, title, AssetKind.MOVIE, durationMs, null, null, null, null, null, null, null, "drama", "PG", List.of(), null,
                "ready", true, false, null);
    }

    private void channel(int c) {
        UUID channel = id("channel-" + c);
        channels.add(channel);
        String key = channel.toString();
        String zone = c % 2 == 0 ? "Europe/London" : "America/New_York";
        add(key, new ChannelConfigured(channel, "rel-" + tag + "-" + c, "Channel " + c, zone, 30, List.of(0, 30), "06:00",
                Map.of("kind", "filler"), null, null));
        UUID label = id("label-" + c);
        add(key, new LabelDefined(label, channel, "Prime time", "#336699", null));
        UUID weekday = id("weekday-" + c);
        UUID weekend = id("weekend-" + c);
        add(key, Fixtures.plan(weekday, channel, 10));
        add(key, new PlanCreated(weekend, channel, "Weekends", 10, "0 0 * * 0,6", null, null, true, null));
        List<UUID> assignments = new ArrayList<>();
        for (int slot = 0; slot < 8; slot++) {
            UUID a = id("assignment-" + c + "-" + slot);
            assignments.add(a);
            String start = String.format("%02d:00", slot * 3);
            int duration = 60 + 30 * random.nextInt(4);
            add(key, new AssignmentAdded(a, weekday, channel, start, duration, ContentType.SERIES,
                    new TextNode("series-" + tag + "-" + random.nextInt(Math.max(1, countSeries()))), slot % 2 == 0 ? label : null,
                    EpisodePolicy.SEQUENTIAL, null, null, null));
            if (slot < 4) {
                anchors.add(new Anchor(channel, weekday, a, start, duration, records.size() - 1));
            }
        }
        add(key, new AssignmentAdded(id("movie-slot-" + c), weekend, channel, "20:00", 120, ContentType.VIRTUAL_PACKAGE,
                new TextNode(ids.get("virtual").toString()), null, null, null, "weekend movie", null));
        add(key, new AssignmentUpdated(assignments.get(5), weekday, channel, "16:00", 90, ContentType.SERIES, new TextNode("series-" + tag + "-0"),
                null, EpisodePolicy.SYNDICATION, null, "moved", 1L));
        add(key, new AssignmentRemoved(assignments.get(6), weekday, channel, null));
        add(key, new PlanUpdated(weekday, channel, "Weekdays (revised)", 11, "0 0 * * 1-5", null, null, true, 1L));
        add(key, new ChannelConfigured(channel, "rel-" + tag + "-" + c, "Channel " + c + " HD", zone, 30, List.of(0, 30), "06:00",
                Map.of("kind", "filler"), null, 1L));
    }

    private int countSeries() {
        return (int) ids.keySet().stream().filter(n -> n.startsWith("episode-") && n.endsWith("-1")).count();
    }

    private UUID id(String name) {
        UUID id = new UUID(random.nextLong() ^ tag.hashCode(), UUID.randomUUID().getLeastSignificantBits());
        ids.put(name, id);
        names.put(id.toString(), name);
        return id;
    }

    private void add(String key, ContinuityEvent event) {
        EventType type = EventType.of(event);
        Map<String, String> headers = new LinkedHashMap<>(CloudEventCodec.ceHeaders(type.ceType(), UUID.randomUUID().toString(),
                EVENT_TIME.plusSeconds(records.size()), "urn:reliability"));
        records.add(new OutgoingRecord(type.topic().topicName(), key, headers, KafkaTestClient.json(event)));
    }

    /**
     * This world's rows of every plan and catalog projection table, with ids replaced by logical names, this world's tag
     * by {@code <world>}, and the columns that record when (not what) dropped. Equal for two worlds with the same history.
     */
    public Map<String, List<Map<String, String>>> snapshot(Db db) {
        String channelIds = String.join(",", channels.stream().map(UUID::toString).toList());
        String assetIds = String.join(",", ids.entrySet().stream().filter(e -> !e.getKey().startsWith("channel-")
                && !e.getKey().startsWith("label-") && !e.getKey().startsWith("week") && !e.getKey().contains("assignment")
                && !e.getKey().startsWith("movie-slot")).map(e -> e.getValue().toString()).toList());
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        out.put("channel", normalise(db.rows("SELECT * FROM channel WHERE id::text = ANY(string_to_array(?, ','))", channelIds)));
        out.put("schedule_plan", normalise(db.rows("SELECT * FROM schedule_plan WHERE channel_id::text = ANY(string_to_array(?, ','))",
                channelIds)));
        out.put("schedule_plan_label", normalise(db.rows(
                "SELECT * FROM schedule_plan_label WHERE channel_id::text = ANY(string_to_array(?, ','))", channelIds)));
        out.put("schedule_plan_block_assignments", normalise(db.rows(
                "SELECT * FROM schedule_plan_block_assignments WHERE channel_id::text = ANY(string_to_array(?, ','))", channelIds)));
        out.put("catalog_asset", normalise(db.rows("SELECT * FROM catalog_asset WHERE uuid::text = ANY(string_to_array(?, ','))", assetIds)));
        out.put("virtual_asset", normalise(db.rows("SELECT * FROM virtual_asset WHERE uuid::text = ANY(string_to_array(?, ','))", assetIds)));
        return out;
    }

    /** The number of aggregates (rows with a version) this world has once every record is applied. */
    public static long aggregates(Map<String, List<Map<String, String>>> snapshot) {
        return snapshot.values().stream().mapToLong(List::size).sum();
    }

    /** Rows of {@code actual} whose aggregate's version is above the same aggregate's in {@code once}: events applied twice. */
    public static long versionsAhead(Map<String, List<Map<String, String>>> actual, Map<String, List<Map<String, String>>> once) {
        long ahead = 0;
        for (var table : actual.entrySet()) {
            Map<String, Long> expected = new HashMap<>();
            for (Map<String, String> row : once.getOrDefault(table.getKey(), List.of())) {
                expected.put(identity(row), Long.parseLong(row.get("version")));
            }
            for (Map<String, String> row : table.getValue()) {
                Long version = expected.get(identity(row));
                if (version != null && Long.parseLong(row.get("version")) > version) {
                    ahead++;
                }
            }
        }
        return ahead;
    }

    private static String identity(Map<String, String> row) {
        return row.containsKey("id") ? row.get("id") : row.get("uuid");
    }

    private List<Map<String, String>> normalise(List<Map<String, Object>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, String> normalised = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!column.endsWith("_at") && !column.equals("created_sequence")) {
                    normalised.put(column, value == null ? null : rename(value.toString()));
                }
            });
            out.add(normalised);
        }
        out.sort((a, b) -> identity(a).compareTo(identity(b)));
        return out;
    }

    private String rename(String text) {
        Matcher m = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(names.getOrDefault(m.group(), m.group())));
        }
        m.appendTail(out);
        return out.toString().replace(tag, "<world>");
    }
}
