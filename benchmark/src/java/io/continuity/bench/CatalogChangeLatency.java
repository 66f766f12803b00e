package io.continuity.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.AssetUpserted;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.EventJson;
import io.continuity.events.EventType;
import io.continuity.events.OutgoingRecord;
import io.continuity.events.Topic;
import io.continuity.resolver.core.AssetKind;

/**
 * B3c: catalog change → day-published, on the channels rebuilt by B2 (1,000 at full size). Two changes, one at a
 * time, each timed from the moment it is sent:
 * <ul>
 * <li>an episode that airs in the horizon is retitled: until the first day-published record that carries the new
 * title, and until the service is settled again (no resolution pending, every day-published record relayed);</li>
 * <li>a promo no channel can select (no filler rule or assignment of the corpus names promos): until settled — the
 * time spent re-resolving channels it cannot affect.</li>
 * </ul>
 * Each also reports how many ScheduleDay versions the change made and how many channels asked for a resolution.
 */
final class CatalogChangeLatency {

    void run(BenchStack stack, Service service, BenchOptions options, Table table) throws Exception {
        UUID episode = airedEpisode(service);
        AssetUpserted retitled = retitle(service, episode);
        Progress.say("B3c: retitling episode " + episode + ", which airs on " + channelsAiring(service, episode) + " channels");
        Measured title = measure(stack, service, record(retitled), day -> carries(day, episode, retitled.title()));
        UUID promo = UUID.nameUUIDFromBytes("bench-unused-promo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AssetUpserted unused = new AssetUpserted(promo, "Unused promo", AssetKind.PROMO, 20_000L, null, null, null, null, null, null, null, null,
                null, List.of("unused"), null, "ready", true, false, null);
        Progress.say("B3c: a promo no channel selects");
        Measured none = measure(stack, service, record(unused), day -> false);
        Progress.say(String.format("B3c: retitled episode: first day-published with it %.0f ms, settled %.0f ms, %d versions, %d resolutions; "
                + "unused promo: settled %.0f ms, %d versions, %d resolutions", title.firstMs(), title.settledMs(), title.versions(),
                title.resolutions(), none.settledMs(), none.versions(), none.resolutions()));
        KafkaTools.EndToEnd ceiling = KafkaTools.endToEndLatency(stack.bootstrap(), options.scale().e2eRecords(), 20_000, options.out(),
                "end-to-end-latency-b3c");
        String of = "EndToEndLatency p50, 20 kB records";
        if (title.firstMs() < 0) {
            table.addUnmeasured("B3c", "catalog change (episode retitled) → first day-published with it", "n/a (no version carried it)",
                    "ms", ceiling.p50Ms(), of, null);
        } else {
            table.add("B3c", "catalog change (episode retitled) → first day-published with it", title.firstMs(), "ms", ceiling.p50Ms(), of,
                    null, null);
        }
        table.add("B3c", "catalog change (episode retitled) → settled", title.settledMs(), "ms", ceiling.p50Ms(), of, null, null);
        table.add("B3c", "catalog change no channel can select → settled", none.settledMs(), "ms", ceiling.p50Ms(), of, null, null);
        table.note(String.format("B3c: the retitled episode made %d new ScheduleDay versions on %d channels with %d channel resolutions; "
                + "the unused promo made %d versions with %d channel resolutions.", title.versions(), title.channels(), title.resolutions(),
                none.versions(), none.resolutions()));
    }

    /**
     * What one change cost: ms to the first matching record (or -1), ms to settled, versions made, channels that
     * published one, channel resolutions run (the service's {@code continuity.resolve.duration} count).
     */
    record Measured(double firstMs, double settledMs, long versions, long channels, long resolutions) {
    }

    private Measured measure(BenchStack stack, Service service, OutgoingRecord change, java.util.function.Predicate<JsonNode> answer)
            throws Exception {
        long versionsBefore = service.db().count("SELECT count(*) FROM broadcast_schedule_day");
        double resolutionsBefore = resolutions(service);
        Set<UUID> resolved = ConcurrentHashMap.newKeySet();
        long[] first = {-1};
        long sent;
        try (TopicWatcher watcher = new TopicWatcher(stack.bootstrap(), Topic.PLAYLOG.topicName(), (r, at) -> {
            JsonNode day = read(r.value());
            resolved.add(UUID.fromString(day.path("channel_id").asText()));
            if (first[0] < 0 && answer.test(day)) {
                first[0] = at;
            }
        }); RecordSender sender = new RecordSender(stack.bootstrap(), 0)) {
            sent = System.nanoTime();
            sender.send(change);
            sender.flush();
            await().atMost(Duration.ofMinutes(20)).pollDelay(Duration.ofMillis(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                    service.db().count("SELECT count(*) FROM event_journal WHERE event_id = ?", change.headers().get("ce_id")) == 1
                    && service.db().count("SELECT count(*) FROM resolution_request") == 0
                    && service.db().count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
        }
        long settled = System.nanoTime();
        long versions = service.db().count("SELECT count(*) FROM broadcast_schedule_day") - versionsBefore;
        return new Measured(first[0] < 0 ? -1 : (first[0] - sent) / 1e6, (settled - sent) / 1e6, versions, resolved.size(),
                (long) (resolutions(service) - resolutionsBefore));
    }

    /** The service's count of channel resolutions so far, from its Prometheus metrics. */
    private static double resolutions(Service service) {
        return service.metric("continuity_resolve_duration_seconds_count");
    }

    private static UUID airedEpisode(Service service) {
        return (UUID) service.db().value("""
                SELECT e.asset_uuid FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
                WHERE d.superseded_at IS NULL AND e.kind = 'program' AND e.title LIKE 'Series %' ORDER BY e.start_utc DESC LIMIT 1""");
    }

    private static long channelsAiring(Service service, UUID asset) {
        return service.db().count("""
                SELECT count(DISTINCT e.channel_id) FROM broadcast_playlog_event e JOIN broadcast_schedule_day d ON d.id = e.schedule_day_id
                WHERE d.superseded_at IS NULL AND e.asset_uuid = ?""", asset);
    }

    private static AssetUpserted retitle(Service service, UUID episode) {
        Map<String, Object> row = service.db().rows("SELECT title, series_id, series_title, season, episode, duration_ms FROM catalog_asset "
                + "WHERE uuid = ?", episode).get(0);
        return new AssetUpserted(episode, row.get("title") + " (retitled)", AssetKind.EPISODE, ((Number) row.get("duration_ms")).longValue(),
                (String) row.get("series_id"), (String) row.get("series_title"), (Integer) row.get("season"), (Integer) row.get("episode"),
                null, null, null, "comedy", "TV-PG", List.of(), null, "ready", true, false, null);
    }

    private static boolean carries(JsonNode day, UUID asset, String title) {
        for (JsonNode e : day.path("events")) {
            if (asset.toString().equals(e.path("asset_uuid").asText()) && title.equals(e.path("title").asText())) {
                return true;
            }
        }
        return false;
    }

    private static OutgoingRecord record(AssetUpserted event) {
        EventType type = EventType.of(event);
        return new OutgoingRecord(type.topic().topicName(), event.assetUuid().toString(),
                CloudEventCodec.ceHeaders(type.ceType(), UUID.randomUUID().toString(), java.time.Instant.now(), "urn:bench"),
                json(event));
    }

    private static byte[] json(Object event) {
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable day-published record", e);
        }
    }
}
