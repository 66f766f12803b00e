package io.continuity.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.AssignmentAdded;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.EventJson;
import io.continuity.events.PlanCreated;
import io.continuity.library.LibraryService;
import io.continuity.library.ScanReport;
import io.continuity.messaging.CommandPublisher;
import io.continuity.messaging.CommandPublisher.Command;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Publishes the demo (local run only, {@code continuity.demo.enabled=true}): four channels in different zones and
 * grids — one with a 06:00 programming day start, a movie channel with 2-hour blocks — weekday, weekend and holiday
 * plans using all five content types, and the demo catalog. It goes through Kafka like any other producer. With
 * {@code continuity.demo.media-channel=true} (the local run with playout) it also imports the library folders, the demo
 * media, with a library scan and publishes a fifth channel, Test Card, that plays what that media is tagged with.
 *
 * <p>The catalog goes first, and the channels follow only once it has been applied, each channel together with its
 * plans in one record batch. Otherwise the first resolution of a channel would see no plans (or no assets), and
 * the part of today inside the lock window would be frozen as slate — correct, but a poor demo.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    /** The slugs of the four demo channels, whose catalog has no media: the reference ChannelManager plays them. */
    public static final List<String> SIMULATED_CHANNELS = List.of("retro-tv", "euro-kids", "cinema-one", "sydney-news");

    /** The Test Card channel, which plays the demo media. */
    public static final UUID TEST_CARD = DemoCatalog.id("channel/test-card");

    /**
     * The genre of the demo media (its {@code .nfo} files say so): the Test Card channel plays programmes of this genre and pads
     * with interstitials of it, and no other demo channel asks for it.
     */
    public static final String MEDIA_GENRE = "Test Card";

    private static final Duration CATALOG_WAIT = Duration.ofMinutes(2);

    private final CommandPublisher publisher;
    private final EntityManager em;
    private final Clock clock;
    private final LibraryService library;
    private final boolean enabled;
    private final boolean mediaChannel;
    private final List<Command> pending = new ArrayList<>();

    public DemoSeeder(CommandPublisher publisher, EntityManager em, Clock clock, LibraryService library, ContinuityConfig config) {
        this.publisher = publisher;
        this.em = em;
        this.clock = clock;
        this.library = library;
        this.enabled = config.demo().enabled();
        this.mediaChannel = config.demo().mediaChannel();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            Thread.ofPlatform().name("demo-seeder").daemon().start(this::seed);
        }
    }

    private void seed() {
        try {
            Optional<List<UUID>> media = mediaChannel ? importMedia() : Optional.empty();
            DemoCatalog catalog = new DemoCatalog().build(clock.instant());
            catalog.assets().forEach(a -> send(a.assetUuid(), a));
            send(catalog.classics().virtualAssetUuid(), catalog.classics());
            List<String> catalogIds = publishPending();
            LOG.infof("Demo catalog published (%d assets and a virtual asset); channels follow once it is applied", catalog.assets().size());
            awaitApplied(catalogIds, media.orElse(List.of()));
            retroTv();
            euroKids();
            cinemaOne();
            sydneyNews();
            media.ifPresent(m -> testCard());
            publishPending();
            LOG.infof("Demo published: %d channels, %d assets, plans with all five content types", media.isPresent() ? 5 : 4, catalog.assets().size());
        } catch (RuntimeException e) {
            LOG.error("The demo could not be published", e);
        }
    }

    private List<String> publishPending() {
        List<String> ids = pending.stream().map(Command::ceId).toList();
        publisher.publishTogether(List.copyOf(pending));
        pending.clear();
        return ids;
    }

    /**
     * The demo media: a scan of the library folders publishes them like any library. Returns the assets it published (a rescan
     * of unchanged files publishes none, they are in the catalog already); empty when there is nothing to play, so no Test Card.
     */
    private Optional<List<UUID>> importMedia() {
        try {
            ScanReport report = library.scan(false);
            long unplayable = report.problems().stream().filter(p -> p.kind() != ScanReport.ProblemKind.MISSING_FOLDER).count();
            if (report.filesSeen() - unplayable <= 0) {
                LOG.warnf("Demo media: no playable file in %s; the Test Card channel is not published", report.folders());
                return Optional.empty();
            }
            LOG.infof("Demo media imported from %s: %d files, %d published", report.folders(), report.filesSeen(), report.changes().size());
            return Optional.of(report.changes().stream().filter(c -> c.action() != ScanReport.Action.REMOVED).map(ScanReport.Change::assetUuid)
                    .toList());
        } catch (RuntimeException e) {
            LOG.errorf("Demo media could not be imported (%s); the Test Card channel is not published", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Waits until every event in {@code ids} is in the event journal (applied or rejected) and every asset in {@code assets} is in
     * the catalog, logging progress.
     */
    private void awaitApplied(List<String> ids, List<UUID> assets) {
        long deadline = System.nanoTime() + CATALOG_WAIT.toNanos();
        long lastLog = 0;
        int expected = ids.size() + assets.size();
        while (true) {
            long done = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT (SELECT count(*) FROM event_journal WHERE event_id = ANY(string_to_array(?1, ',')))"
                            + " + (SELECT count(*) FROM catalog_asset WHERE uuid::text = ANY(string_to_array(?2, ',')))")
                    .setParameter(1, String.join(",", ids)).setParameter(2, assets.stream().map(UUID::toString).collect(Collectors.joining(",")))
                    .getSingleResult()).longValue());
            if (done >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warnf("Demo catalog: only %d of %d events applied after %s; publishing the channels anyway", done, expected, CATALOG_WAIT);
                return;
            }
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                LOG.infof("Demo catalog: %d of %d events applied", done, expected);
                lastLog = System.nanoTime();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void retroTv() {
        UUID ch = DemoCatalog.id("channel/retro-tv");
        send(ch, new ChannelConfigured(ch, "retro-tv", "Retro TV", "America/New_York", 30, List.of(0, 30), "06:00", Map.of("kind",
                List.of("filler", "bumper", "promo")), moviesByDefault(), null));
        UUID weekday = plan(ch, "retro-tv/weekday", "Weekdays", 10, "0 0 * * 1-5");
        block(ch, weekday, "00:00", 120, ContentType.SERIES, "cartoons", EpisodePolicy.SYNDICATION, null);
        block(ch, weekday, "02:00", 240, ContentType.SERIES, "sitcom-a", EpisodePolicy.SEQUENTIAL, null);
        block(ch, weekday, "06:00", 120, ContentType.RULE, "{\"kind\": \"movie\", \"genre\": \"family\", \"max_duration\": 120}", null,
                Map.of("avoid_repeats", true));
        block(ch, weekday, "08:00", 60, ContentType.SERIES, "quiz", EpisodePolicy.RANDOM, null);
        block(ch, weekday, "09:00", 60, ContentType.SERIES, "cheers", EpisodePolicy.SEASONAL, null);
        block(ch, weekday, "10:00", 120, ContentType.RANDOM, "{\"kind\": \"movie\", \"freshness\": \"recent\"}", null,
                Map.of("avoid_repeats", true, "prefer_new", true));
        block(ch, weekday, "12:00", 120, ContentType.SERIES, "drama-b", EpisodePolicy.LEAST_RECENTLY_USED, null);
        block(ch, weekday, "14:00", 120, ContentType.RULE, "{\"genre\": \"drama\", \"min_duration\": 90, \"max_duration\": 150}", null,
                Map.of("avoid_repeats", true));
        block(ch, weekday, "16:00", 120, ContentType.VIRTUAL_PACKAGE, DemoCatalog.id("virtual/classics").toString(), null,
                Map.of("rotation", "least-recently-used"));
        block(ch, weekday, "18:00", 360, ContentType.SERIES, "sitcom-b", EpisodePolicy.SEQUENTIAL, null);
        UUID weekend = plan(ch, "retro-tv/weekend", "Weekends", 10, "0 0 * * 0,6");
        block(ch, weekend, "00:00", 360, ContentType.SERIES, "cartoons", EpisodePolicy.SEQUENTIAL, null);
        block(ch, weekend, "06:00", 720, ContentType.RULE, "{\"kind\": \"movie\"}", null, Map.of("avoid_repeats", true));
        block(ch, weekend, "18:00", 360, ContentType.SERIES, "sitcom-a", EpisodePolicy.RANDOM, null);
        UUID christmas = plan(ch, "retro-tv/christmas", "Christmas Day", 20, "0 0 25 12 *");
        block(ch, christmas, "13:00", 60, ContentType.SERIES, "cheers", EpisodePolicy.SEASONAL, null);
    }

    private void euroKids() {
        UUID ch = DemoCatalog.id("channel/euro-kids");
        send(ch, new ChannelConfigured(ch, "euro-kids", "Euro Kids", "Europe/London", 15, List.of(0, 15, 30, 45), "05:00",
                Map.of("kind", List.of("filler", "bumper")), null, null));
        UUID daily = plan(ch, "euro-kids/daily", "Every day", 10, "0 0 * * *");
        block(ch, daily, "00:00", 240, ContentType.SERIES, "cartoons", EpisodePolicy.SEQUENTIAL, null);
        block(ch, daily, "04:00", 240, ContentType.SERIES, "quiz", EpisodePolicy.LEAST_RECENTLY_USED, null);
        block(ch, daily, "08:00", 480, ContentType.RULE, "{\"genre\": \"family\"}", null, Map.of("avoid_repeats", true));
    }

    private void cinemaOne() {
        UUID ch = DemoCatalog.id("channel/cinema-one");
        send(ch, new ChannelConfigured(ch, "cinema-one", "Cinema One", "Asia/Kolkata", 60, List.of(0), "00:00",
                Map.of("kind", List.of("promo", "bumper", "filler")), moviesByDefault(), null));
        UUID daily = plan(ch, "cinema-one/daily", "Movies all day", 10, "0 0 * * *");
        for (int h = 0; h < 24; h += 2) {
            block(ch, daily, String.format("%02d:00", h), 120, h % 4 == 0 ? ContentType.RANDOM : ContentType.RULE,
                    h % 4 == 0 ? "{\"kind\": \"movie\"}" : "{\"kind\": \"movie\", \"max_duration\": 120}", null, Map.of("avoid_repeats", true));
        }
    }

    private void sydneyNews() {
        UUID ch = DemoCatalog.id("channel/sydney-news");
        send(ch, new ChannelConfigured(ch, "sydney-news", "Sydney News", "Australia/Sydney", 30, List.of(0, 30), "06:00",
                Map.of("kind", "bumper"), null, null));
        UUID daily = plan(ch, "sydney-news/daily", "Rolling news", 10, "0 0 * * *");
        for (int h = 0; h < 24; h++) {
            block(ch, daily, String.format("%02d:00", h), 30, ContentType.SERIES, "news", EpisodePolicy.SEQUENTIAL, null);
            if (h != 12) {
                block(ch, daily, String.format("%02d:30", h), 30, ContentType.RULE, "{\"kind\": [\"episode\", \"filler\"], \"max_duration\": 30}", null,
                        Map.of("avoid_repeats", true));
            }
        }
        block(ch, daily, "12:30", 30, ContentType.ASSET, DemoCatalog.id("filler/7").toString(), null, null);
    }

    /**
     * The channel that plays the demo media (local run with playout): on a 15-minute grid, one programme of the media's genre per
     * block, least recently played first, padded to the next block with the media's idents and promos.
     */
    private void testCard() {
        UUID ch = TEST_CARD;
        send(ch, new ChannelConfigured(ch, "test-card", "Test Card", "UTC", 15, List.of(0, 15, 30, 45), "00:00", Map.of("genre", MEDIA_GENRE), null,
                null));
        UUID daily = plan(ch, "test-card/daily", "Test card all day", 10, "0 0 * * *");
        block(ch, daily, "00:00", 1440, ContentType.RULE, "{\"genre\": \"" + MEDIA_GENRE + "\"}", null, null);
    }

    private static ChannelConfigured.DefaultProgramming moviesByDefault() {
        return new ChannelConfigured.DefaultProgramming(ContentType.RULE, Map.of("kind", "movie"));
    }

    private UUID plan(UUID channel, String key, String name, int priority, String cron) {
        UUID id = DemoCatalog.id("plan/" + key);
        send(channel, new PlanCreated(id, channel, name, priority, cron, null, null, true, null));
        return id;
    }

    private void block(UUID channel, UUID plan, String start, int minutes, ContentType type, String reference, EpisodePolicy policy,
            Map<String, Object> rules) {
        JsonNode ref = switch (type) {
            case RULE, RANDOM -> readTree(reference);
            case SERIES, ASSET, VIRTUAL_PACKAGE -> new TextNode(reference);
        };
        UUID id = DemoCatalog.id("assignment/" + plan + "/" + start);
        send(channel, new AssignmentAdded(id, plan, channel, start, minutes, type, ref, null, policy, rules, null, null));
    }

    private static JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(UUID key, ContinuityEvent event) {
        pending.add(new Command(event, key.toString(), UUID.randomUUID().toString()));
    }
}
