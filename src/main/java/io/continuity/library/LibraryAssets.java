package io.continuity.library;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.continuity.events.AssetMedia;
import io.continuity.events.AssetUpserted;
import io.continuity.resolver.core.AssetKind;

/**
 * Turns a probed library file into its {@code continuity.asset.upserted.v1}: the path's naming scheme
 * ({@link MediaName}) gives kind, series, season, episode and title; an {@code .nfo} next to the file
 * ({@code <episodedetails>} or {@code <movie>}) and a {@code tvshow.nfo} in the series folder override them and add plot,
 * genre and rating; ffprobe gives the duration and the {@code media} object.
 */
final class LibraryAssets {

    private static final int TVSHOW_NFO_LEVELS = 3;

    private LibraryAssets() {
    }

    /** The asset uuid of content first seen with {@code fingerprint}; the same bytes give the same uuid on any machine. */
    static UUID assetUuid(String fingerprint) {
        return UUID.nameUUIDFromBytes(("continuity-library:asset:" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    /** The asset uuid of a copy: content already in the library under another uuid. */
    static UUID copyUuid(String fingerprint, String path) {
        return UUID.nameUUIDFromBytes(("continuity-library:asset:" + fingerprint + "|" + path).getBytes(StandardCharsets.UTF_8));
    }

    /** The series id of a show: a uuid from its name, lower-cased with everything but letters and digits dropped. */
    static String seriesId(String seriesTitle) {
        String key = seriesTitle.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        return UUID.nameUUIDFromBytes(("continuity-library:series:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The {@code .nfo} that describes {@code file} itself: {@code <name>.nfo}, or {@code movie.nfo} in its folder. */
    static Optional<Path> ownNfo(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path sibling = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".nfo");
        if (Files.isRegularFile(sibling)) {
            return Optional.of(sibling);
        }
        Path movie = file.resolveSibling("movie.nfo");
        return Files.isRegularFile(movie) ? Optional.of(movie) : Optional.empty();
    }

    static AssetUpserted event(LibraryFile indexed, Path root, MediaProbe probe, boolean approve) {
        Path file = Path.of(indexed.path());
        MediaName name = MediaName.parse(root.relativize(file));
        NfoMetadata own = ownNfo(file).flatMap(NfoMetadata::read).filter(n -> !n.root().equals("tvshow")).orElse(null);
        NfoMetadata show = tvshowNfo(file, root).orElse(null);
        AssetKind kind = name.kind();
        if (own != null && (kind == AssetKind.EPISODE || kind == AssetKind.MOVIE)) {
            kind = own.root().equals("episodedetails") ? AssetKind.EPISODE : AssetKind.MOVIE;
        }
        Integer season = first(own == null ? null : own.season(), name.season());
        Integer episode = first(own == null ? null : own.episode(), name.episode());
        String ownTitle = first(own == null ? null : own.title(), name.title());
        String seriesTitle = kind != AssetKind.EPISODE ? null
                : first(show == null ? null : show.title(), own == null ? null : own.showTitle(), name.seriesTitle());
        String title = kind == AssetKind.EPISODE ? episodeTitle(seriesTitle, season, episode, ownTitle)
                : first(ownTitle, file.getFileName().toString());
        return new AssetUpserted(indexed.assetUuid(), truncate(title, 500), kind, probe.durationMs(),
                seriesTitle == null ? null : seriesId(seriesTitle), truncate(seriesTitle, 500), kind == AssetKind.EPISODE ? season : null,
                kind == AssetKind.EPISODE ? episode : null, null, kind == AssetKind.EPISODE ? truncate(ownTitle, 500) : null,
                truncate(first(own == null ? null : own.plot(), show == null ? null : show.plot()), 10_000),
                truncate(first(own == null ? null : own.genre(), show == null ? null : show.genre()), 100),
                truncate(first(own == null ? null : own.rating(), show == null ? null : show.rating()), 50), null, indexed.addedAt(), "ready",
                approve, false, null, media(file, indexed, probe));
    }

    private static AssetMedia media(Path file, LibraryFile indexed, MediaProbe probe) {
        return new AssetMedia(file.toUri().toString(), indexed.sizeBytes(), indexed.fingerprint(), truncate(probe.container(), 100),
                truncate(probe.videoCodec(), 50), truncate(probe.audioCodec(), 50), probe.width(), probe.height(), probe.frameRate(),
                probe.audioChannels());
    }

    private static String episodeTitle(String series, Integer season, Integer episode, String title) {
        StringBuilder out = new StringBuilder(series == null ? "" : series);
        if (season != null && episode != null) {
            out.append(out.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "S%02dE%02d", season, episode));
        }
        if (title != null) {
            out.append(out.isEmpty() ? "" : " - ").append(title);
        }
        return out.isEmpty() ? "Untitled" : out.toString();
    }

    /** {@code tvshow.nfo} in the file's folder or up to three folders above it, not above the library folder. */
    private static Optional<NfoMetadata> tvshowNfo(Path file, Path root) {
        Path folder = file.getParent();
        for (int level = 0; level < TVSHOW_NFO_LEVELS && folder != null && folder.startsWith(root); level++) {
            Path nfo = folder.resolve("tvshow.nfo");
            if (Files.isRegularFile(nfo)) {
                return NfoMetadata.read(nfo).filter(n -> n.root().equals("tvshow"));
            }
            folder = folder.getParent();
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
