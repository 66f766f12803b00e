package io.continuity.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.continuity.events.AssetUpserted;
import io.continuity.events.VirtualAssetDefined;
import io.continuity.resolver.core.AssetKind;

/**
 * A generated demo catalog of a few hundred assets: series with seasons and episodes (some tagged for Christmas and
 * winter), movies across genres and ratings, and filler, bumpers and promos. Seeded, so every run is the same.
 */
final class DemoCatalog {

    private static final String[] GENRES = {"drama", "comedy", "family", "action", "documentary"};
    private static final String[] RATINGS = {"G", "PG", "PG-13", "R"};

    private final Random random = new Random(2026);
    private final List<AssetUpserted> assets = new ArrayList<>();
    private final List<UUID> movies = new ArrayList<>();

    DemoCatalog build(Instant now) {
        series("cartoons", "Saturday Cartoons", 2, 13, 11, "family", "TV-Y");
        series("sitcom-a", "Apartment 4B", 3, 20, 22, "comedy", "TV-PG");
        series("sitcom-b", "The Night Shift", 2, 22, 22, "comedy", "TV-14");
        series("quiz", "Brain Busters", 1, 30, 22, "family", "TV-G");
        series("cheers", "Cheers", 2, 22, 22, "comedy", "TV-PG");
        series("drama-b", "Harbour Lights", 2, 12, 44, "drama", "TV-14");
        series("news", "World Tonight", 1, 40, 25, "documentary", "TV-G");
        for (int m = 0; m < 60; m++) {
            UUID id = id("movie/" + m);
            movies.add(id);
            assets.add(new AssetUpserted(id, "Feature " + (m + 1), AssetKind.MOVIE, (85L + random.nextInt(65)) * 60_000, null, null, null, null, null,
                    null, "A demo feature film.", GENRES[m % GENRES.length], RATINGS[m % RATINGS.length],
                    m % 9 == 0 ? List.of("christmas") : List.of(), now.minusSeconds(86_400L * random.nextInt(400)), "ready", true, false, null));
        }
        for (int f = 0; f < 40; f++) {
            AssetKind kind = f % 4 == 0 ? AssetKind.PROMO : f % 4 == 1 ? AssetKind.BUMPER : AssetKind.FILLER;
            assets.add(new AssetUpserted(id("filler/" + f), kind.wireName() + " " + (f + 1), kind, (15L + random.nextInt(150)) * 1000, null, null, null,
                    null, null, null, null, null, null, List.of(), now, "ready", true, false, null));
        }
        return this;
    }

    private void series(String seriesId, String title, int seasons, int episodes, int minutes, String genre, String rating) {
        int n = 0;
        for (int s = 1; s <= seasons; s++) {
            for (int e = 1; e <= episodes; e++) {
                n++;
                List<String> tags = "cheers".equals(seriesId) && e % 7 == 0 ? List.of("christmas", "winter") : List.of();
                assets.add(new AssetUpserted(id("episode/" + seriesId + "/" + s + "/" + e), title, AssetKind.EPISODE,
                        (minutes * 60L - random.nextInt(90)) * 1000, seriesId, title, s, e, n, "Episode " + e, "Season " + s + ", episode " + e
                                + " of " + title + ".", genre, rating, tags, null, "ready", true, false, null));
            }
        }
    }

    List<AssetUpserted> assets() {
        return assets;
    }

    VirtualAssetDefined classics() {
        return new VirtualAssetDefined(id("virtual/classics"), "Classic movies", movies.subList(0, 8), null, null);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("continuity-demo/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
