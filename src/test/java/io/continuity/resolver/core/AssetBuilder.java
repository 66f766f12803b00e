package io.continuity.resolver.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/** Test builder for {@link CatalogAsset}; uuids are derived from kind, series and title, so they are stable. */
final class AssetBuilder {

    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private final AssetKind kind;
    private final String title;
    private long durationMs;
    private String seriesId;
    private String seriesTitle;
    private Integer season;
    private Integer episode;
    private Integer syndicationOrder;
    private String genre;
    private String rating;
    private Set<String> tags = Set.of();
    private Instant addedAt = LONG_AGO;
    private String state = "ready";
    private boolean approved = true;
    private boolean deleted;

    private AssetBuilder(AssetKind kind, String title, long durationMs) {
        this.kind = kind;
        this.title = title;
        this.durationMs = durationMs;
    }

    static AssetBuilder movie(String title, int minutes) {
        return new AssetBuilder(AssetKind.MOVIE, title, Duration.ofMinutes(minutes).toMillis());
    }

    static AssetBuilder episode(String seriesId, int season, int episode, int minutes) {
        AssetBuilder builder = new AssetBuilder(AssetKind.EPISODE, seriesId + " S" + season + "E" + episode,
                Duration.ofMinutes(minutes).toMillis());
        builder.seriesId = seriesId;
        builder.seriesTitle = seriesId;
        builder.season = season;
        builder.episode = episode;
        return builder;
    }

    static AssetBuilder filler(int seconds) {
        return new AssetBuilder(AssetKind.FILLER, "Ident " + seconds + "s", seconds * 1000L);
    }

    static AssetBuilder filler(String title, int seconds) {
        return new AssetBuilder(AssetKind.FILLER, title, seconds * 1000L);
    }

    static AssetBuilder bumper(String title, int seconds) {
        return new AssetBuilder(AssetKind.BUMPER, title, seconds * 1000L);
    }

    /** Episodes 1..count of season 1, all {@code minutes} long. */
    static List<CatalogAsset> series(String seriesId, int count, int minutes) {
        return IntStream.rangeClosed(1, count).mapToObj(e -> episode(seriesId, 1, e, minutes).build()).toList();
    }

    /** Fillers of 30, 60 and 120 seconds: any whole-minute or half-minute span pads exactly. */
    static List<CatalogAsset> standardFillers() {
        return List.of(filler(30).build(), filler(60).build(), filler(120).build());
    }

    AssetBuilder seriesTitle(String value) {
        seriesTitle = value;
        return this;
    }

    AssetBuilder syndication(int order) {
        syndicationOrder = order;
        return this;
    }

    AssetBuilder genre(String value) {
        genre = value;
        return this;
    }

    AssetBuilder rating(String value) {
        rating = value;
        return this;
    }

    AssetBuilder tags(String... values) {
        tags = Set.of(values);
        return this;
    }

    AssetBuilder addedAt(Instant value) {
        addedAt = value;
        return this;
    }

    AssetBuilder durationMs(long value) {
        durationMs = value;
        return this;
    }

    AssetBuilder pending() {
        state = "pending";
        return this;
    }

    AssetBuilder unapproved() {
        approved = false;
        return this;
    }

    AssetBuilder deleted() {
        deleted = true;
        return this;
    }

    CatalogAsset build() {
        String name = "asset:" + kind + ":" + seriesId + ":" + title;
        UUID uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return new CatalogAsset(uuid, title, kind, durationMs, seriesId, seriesTitle, season, episode,
                syndicationOrder, seriesId == null ? null : title, genre, rating, tags, addedAt, state, approved,
                deleted);
    }
}
