package io.continuity.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.events.AssetUpserted;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.PlanCreated;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;

/**
 * A channel (UTC, 30-minute grid, programming day from 06:00) whose day is a series of 22-minute episodes except one
 * two-hour window, schedule-time 04:00–06:00 (10:00–12:00 UTC), that airs a single movie: an assignment with no alternative in it. The
 * channel's filler pool (a tag only its own fillers carry) may be empty, and its default programming is its own
 * 25-minute loop, so each step of the fallback order has exactly one possible source.
 */
public final class SingleAssetWindowChannel {

    /** Where the movie's window starts, as an offset from the programming day start (06:00 UTC). */
    public static final Duration WINDOW_OFFSET = Duration.ofHours(4);
    public static final Duration WINDOW_LENGTH = Duration.ofHours(2);
    private static final Duration DAY_START = Duration.ofHours(6);

    public final UUID channelId = UUID.randomUUID();
    public final UUID planId = UUID.randomUUID();
    public final UUID movieAssignmentId = UUID.randomUUID();
    public final String series = "drama-" + channelId.toString().substring(0, 8);
    public final String fillerTag = "pool-" + channelId.toString().substring(0, 8);
    public final List<UUID> episodes = new ArrayList<>();
    public final List<UUID> fillers = new ArrayList<>();
    public final UUID movie = UUID.randomUUID();
    public final UUID defaultProgramme = UUID.randomUUID();
    private final int fillerCount;

    /** @param fillerCount how many fillers the channel's pool holds; 0 leaves the pool empty */
    public SingleAssetWindowChannel(int fillerCount) {
        this.fillerCount = fillerCount;
    }

    /** The movie's window on broadcast day {@code day}: [start, end). */
    public Instant windowStart(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(DAY_START).plus(WINDOW_OFFSET);
    }

    public Instant windowEnd(LocalDate day) {
        return windowStart(day).plus(WINDOW_LENGTH);
    }

    /** Publishes the catalog, the channel and its plan, and waits until the movie is scheduled and the catalog is in. */
    public SingleAssetWindowChannel publish(KafkaTestClient kafka, Db db) {
        for (int e = 1; e <= 40; e++) {
            UUID id = UUID.randomUUID();
            episodes.add(id);
            kafka.send(id.toString(), Fixtures.episode(id, series, 1, e));
        }
        for (int f = 1; f <= fillerCount; f++) {
            UUID id = UUID.randomUUID();
            fillers.add(id);
            kafka.send(id.toString(), asset(id, "Pool filler " + f, AssetKind.FILLER, Duration.ofMinutes(f), List.of(fillerTag)));
        }
        kafka.send(movie.toString(), asset(movie, "Feature", AssetKind.MOVIE, Duration.ofMinutes(100), List.of()));
        kafka.send(defaultProgramme.toString(), asset(defaultProgramme, "Station loop", AssetKind.MOVIE, Duration.ofMinutes(25), List.of()));
        String key = channelId.toString();
        kafka.send(key, new ChannelConfigured(channelId, "ch-" + key.substring(0, 8), "Channel " + key.substring(0, 8), "UTC", 30,
                List.of(0, 30), "06:00", Map.of("kind", "filler", "tags", List.of(fillerTag)),
                new ChannelConfigured.DefaultProgramming(ContentType.ASSET, defaultProgramme.toString()), null));
        kafka.send(key, new PlanCreated(planId, channelId, "All day", 10, "* * * * *", null, null, true, null));
        kafka.send(key, seriesAssignment("00:00", 240));
        kafka.send(key, new AssignmentAdded(movieAssignmentId, planId, channelId, "04:00", (int) WINDOW_LENGTH.toMinutes(), ContentType.ASSET,
                new TextNode(movie.toString()), null, null, null, null, null));
        kafka.send(key, seriesAssignment("06:00", 1080));
        await().atMost(Duration.ofSeconds(90)).until(() -> db.count("""
                SELECT count(*) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
                WHERE d.channel_id = ? AND d.superseded_at IS NULL AND e.kind = 'program' AND e.asset_uuid = ?""", channelId, movie) >= 2
                && db.count("SELECT count(*) FROM resolution_request WHERE channel_id = ?", channelId) == 0
                && db.count("SELECT count(*) FROM catalog_asset WHERE uuid = ANY (?::uuid[])", assetArray()) == episodes.size()
                        + fillers.size() + 2);
        return this;
    }

    private AssignmentAdded seriesAssignment(String start, int minutes) {
        return new AssignmentAdded(UUID.randomUUID(), planId, channelId, start, minutes, ContentType.SERIES, new TextNode(series), null,
                EpisodePolicy.SEQUENTIAL, null, null, null);
    }

    private static AssetUpserted asset(UUID id, String title, AssetKind kind, Duration duration, List<String> tags) {
        return new AssetUpserted(id, title, kind, duration.toMillis(), null, null, null, null, null, null, null, null, null, tags, null,
                "ready", true, false, null);
    }

    private String assetArray() {
        List<UUID> all = new ArrayList<>(episodes);
        all.addAll(fillers);
        all.add(movie);
        all.add(defaultProgramme);
        return all.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
