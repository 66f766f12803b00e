package io.continuity.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventJson;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;

/** Builders for contract records with sensible defaults; tests change only what they are about. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ChannelConfigured channel(UUID id) {
        return channel(id, "America/New_York", 30, List.of(0, 30), "06:00");
    }

    public static ChannelConfigured channel(UUID id, String zone, int grid, List<Integer> offsets, String dayStart) {
        return new ChannelConfigured(id, "ch-" + id.toString().substring(0, 8), "Channel " + id.toString().substring(0, 8), zone,
                grid, offsets, dayStart, Map.of("kind", "filler"), null, null);
    }

    public static PlanCreated plan(UUID id, UUID channelId, int priority) {
        return new PlanCreated(id, channelId, "Weekdays", priority, "0 0 * * 1-5", null, null, true, null);
    }

    public static AssignmentAdded assignment(UUID id, UUID planId, UUID channelId, String start, int duration) {
        return new AssignmentAdded(id, planId, channelId, start, duration, ContentType.SERIES, new TextNode("cheers"), null, EpisodePolicy.SEQUENTIAL,
                null, "Cheers in order", null);
    }

    public static AssetUpserted episode(UUID id, String series, int season, int episode) {
        return new AssetUpserted(id, series + " S" + season + "E" + episode, AssetKind.EPISODE, 22L * 60_000, series, series, season, episode,
                null, null, null, "comedy", "TV-PG", List.of(), null, "ready", true, false, null);
    }

    public static AssetUpserted filler(UUID id, long durationMs) {
        return new AssetUpserted(id, "Bumper " + id.toString().substring(0, 4), AssetKind.FILLER, durationMs, null, null, null, null, null, null,
                null, null, null, List.of(), null, "ready", true, false, null);
    }

    /** The JSON payload of a record as a mutable map, to break it on purpose. */
    public static Map<String, Object> asMap(ContinuityEvent event) {
        return new LinkedHashMap<>(EventJson.mapper().convertValue(event, new TypeReference<Map<String, Object>>() { }));
    }
}
