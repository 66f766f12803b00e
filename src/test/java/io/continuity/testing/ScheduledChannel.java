package io.continuity.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssignmentAdded;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;

/**
 * A channel with a whole-day plan of 22-minute sitcom episodes on a 30-minute grid (UTC, programming day from
 * 06:00), its own catalog, and a resolved schedule: the fixture for playout-side tests.
 */
public final class ScheduledChannel {

    public final UUID channelId;
    public final UUID planId = UUID.randomUUID();
    public final String series = "sitcom-" + UUID.randomUUID().toString().substring(0, 8);
    public final List<UUID> episodes = new ArrayList<>();
    public final List<UUID> fillers = new ArrayList<>();
    public final UUID special = UUID.randomUUID();

    public ScheduledChannel() {
        this(UUID.randomUUID());
    }

    public ScheduledChannel(UUID channelId) {
        this.channelId = channelId;
    }

    public String slug() {
        return "ch-" + channelId.toString().substring(0, 8);
    }

    /**
     * Publishes everything and waits until today's and tomorrow's schedules hold programmes and every asset of this
     * channel's catalog, the special included, is in the catalog: the schedule needs only the first episodes, and a test
     * that overrides with the special must not race its ingestion.
     */
    public ScheduledChannel publish(KafkaTestClient kafka, Db db) {
        for (int e = 1; e <= 120; e++) {
            UUID id = UUID.randomUUID();
            episodes.add(id);
            kafka.send(id.toString(), Fixtures.episode(id, series, 1 + (e - 1) / 24, e));
        }
        for (int f = 0; f < 8; f++) {
            UUID id = UUID.randomUUID();
            fillers.add(id);
            kafka.send(id.toString(), Fixtures.filler(id, 30_000L * (f + 1)));
        }
        kafka.send(special.toString(), Fixtures.filler(special, 10 * 60_000L));
        String key = channelId.toString();
        kafka.send(key, Fixtures.channel(channelId, "UTC", 30, List.of(0, 30), "06:00"));
        kafka.send(key, new PlanCreated(planId, channelId, "All day", 10, "* * * * *", null, null, true, null));
        kafka.send(key, new AssignmentAdded(UUID.randomUUID(), planId, channelId, "00:00", 1440, ContentType.SERIES, new TextNode(series), null,
                EpisodePolicy.SEQUENTIAL, null, null, null));
        await().atMost(Duration.ofSeconds(90)).until(() -> db.count("""
                SELECT count(*) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
                WHERE d.channel_id = ? AND d.superseded_at IS NULL AND e.kind = 'program'""", channelId) >= 4 * 48
                && db.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?", channelId) == 0
                && db.count("SELECT count(*) FROM catalog_asset WHERE uuid = ANY (?::uuid[])", assetArray()) == episodes.size() + fillers.size() + 1);
        return this;
    }

    private String assetArray() {
        List<UUID> all = new ArrayList<>(episodes);
        all.addAll(fillers);
        all.add(special);
        return all.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
