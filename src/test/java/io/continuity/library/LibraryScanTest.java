package io.continuity.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.continuity.events.AssetMedia;
import io.continuity.events.AssetRetired;
import io.continuity.events.AssetUpserted;
import io.continuity.events.CatalogEvent;
import io.continuity.library.ScanReport.Action;
import io.continuity.library.ScanReport.ProblemKind;
import io.continuity.resolver.core.AssetKind;

/**
 * Scans of a library of real clips (made with ffmpeg, probed with ffprobe) against an index and a publisher kept in
 * memory: what is published on the first scan, on rescans after moves, renames, in-place changes and removals, in a dry
 * run, and what is reported instead of published.
 */
class LibraryScanTest {

    @TempDir
    static Path clips;

    private static Path twoSeconds;
    private static Path threeSeconds;

    @TempDir
    Path library;

    private final MemoryIndex index = new MemoryIndex();
    private final List<CatalogEvent> published = new ArrayList<>();
    private LibraryScan scan;

    @BeforeAll
    static void makeClips() {
        twoSeconds = TestClips.make(clips.resolve("two.mkv"), 2, 440);
        threeSeconds = TestClips.make(clips.resolve("three.mkv"), 3, 880);
    }

    @BeforeEach
    void newScanner() {
        scan = new LibraryScan(index, published::addAll, new Ffprobe("ffprobe", Duration.ofSeconds(30)),
                new LibraryScan.Settings(Set.of("mkv", "mp4"), 2, 100, Duration.ofSeconds(5), true),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    }

    private Path add(Path clip, String relative) throws IOException {
        Path target = library.resolve(relative);
        Files.createDirectories(target.getParent());
        return Files.copy(clip, target);
    }

    private ScanReport scan() {
        published.clear();
        return scan.run(List.of(library), false);
    }

    private AssetUpserted upserted(String fileName) {
        return published.stream().filter(AssetUpserted.class::isInstance).map(AssetUpserted.class::cast)
                .filter(e -> e.media().uri().endsWith(fileName)).findFirst().orElseThrow();
    }

    @Test
    void publishesEachFileWithItsDurationFromFfprobeAndItsMedia() throws IOException {
        Path episode = add(twoSeconds, "Cheers/Season 06/Cheers - S06E12 - Christmas Cheers.mkv");
        add(threeSeconds, "Movie (1999).mkv");

        ScanReport report = scan();

        assertThat(report.changes()).extracting(ScanReport.Change::action).containsExactly(Action.NEW, Action.NEW);
        AssetUpserted e = upserted("Christmas%20Cheers.mkv");
        assertThat(e.kind()).isEqualTo(AssetKind.EPISODE);
        assertThat(e.title()).isEqualTo("Cheers S06E12 - Christmas Cheers");
        assertThat(e.seriesTitle()).isEqualTo("Cheers");
        assertThat(e.seriesId()).isEqualTo(LibraryAssets.seriesId("Cheers"));
        assertThat(e.season()).isEqualTo(6);
        assertThat(e.episode()).isEqualTo(12);
        assertThat(e.episodeTitle()).isEqualTo("Christmas Cheers");
        assertThat(e.durationMs()).isBetween(1_990L, 2_100L);
        assertThat(e.state()).isEqualTo("ready");
        assertThat(e.approvedForBroadcast()).isTrue();
        assertThat(e.media()).isEqualTo(new AssetMedia(episode.toUri().toString(), Files.size(episode), Fingerprint.of(episode),
                "matroska,webm", "h264", "aac", 320, 180, "25/1", 2));
        AssetUpserted movie = upserted("Movie%20(1999).mkv");
        assertThat(movie.kind()).isEqualTo(AssetKind.MOVIE);
        assertThat(movie.title()).isEqualTo("Movie");
        assertThat(movie.durationMs()).isBetween(2_990L, 3_100L);
    }

    @Test
    void aRescanOfAnUnchangedLibraryPublishesNothing() throws IOException {
        add(twoSeconds, "Show.S01E01.mkv");
        scan();

        ScanReport again = scan();

        assertThat(published).isEmpty();
        assertThat(again.changes()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void aMovedAndRenamedFileKeepsItsUuidAndIsPublishedWithItsNewPlace() throws IOException {
        Path original = add(twoSeconds, "Show.S01E01.mkv");
        scan();
        UUID uuid = index.rows.get(original.toString()).assetUuid();
        Path moved = library.resolve("Show/Season 01/Show - S01E01 - Pilot.mkv");
        Files.createDirectories(moved.getParent());
        Files.move(original, moved);

        ScanReport report = scan();

        assertThat(report.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.MOVED);
            assertThat(c.assetUuid()).isEqualTo(uuid);
            assertThat(c.previousPath()).isEqualTo(original.toString());
        });
        assertThat(published).singleElement().isInstanceOfSatisfying(AssetUpserted.class, e -> {
            assertThat(e.assetUuid()).isEqualTo(uuid);
            assertThat(e.media().uri()).isEqualTo(moved.toUri().toString());
            assertThat(e.episodeTitle()).isEqualTo("Pilot");
        });
        assertThat(index.rows).containsOnlyKeys(moved.toString());
    }

    @Test
    void theFingerprintIgnoresNameAndPlaceButNotContent() throws IOException {
        Path a = add(twoSeconds, "a.mkv");
        Path b = add(twoSeconds, "elsewhere/b.mkv");
        Path c = TestClips.copyWithTrailer(twoSeconds, library.resolve("c.mkv"), "trailer");

        assertThat(Fingerprint.of(a)).isEqualTo(Fingerprint.of(b)).startsWith("v1:" + Files.size(a) + ":");
        assertThat(Fingerprint.of(c)).isNotEqualTo(Fingerprint.of(a));
    }

    @Test
    void theSameFileGetsTheSameUuidFromAnEmptyIndexAndACopyGetsItsOwn() throws IOException {
        add(twoSeconds, "first.mkv");
        scan();
        UUID first = index.rows.values().iterator().next().assetUuid();
        index.rows.clear();
        add(twoSeconds, "second copy.mkv");

        scan();

        assertThat(index.rows.get(library.resolve("first.mkv").toString()).assetUuid()).isEqualTo(first);
        assertThat(index.rows.get(library.resolve("second copy.mkv").toString()).assetUuid()).isNotEqualTo(first);
    }

    @Test
    void aFileChangedInPlaceKeepsItsUuidAndIsPublishedAgain() throws IOException {
        Path file = add(twoSeconds, "Movie (1999).mkv");
        scan();
        UUID uuid = index.rows.get(file.toString()).assetUuid();
        Files.copy(threeSeconds, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ScanReport report = scan();

        assertThat(report.changes()).extracting(ScanReport.Change::action, ScanReport.Change::assetUuid).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Action.CHANGED, uuid));
        assertThat(published).singleElement().isInstanceOfSatisfying(AssetUpserted.class,
                e -> assertThat(e.durationMs()).isBetween(2_990L, 3_100L));
    }

    @Test
    void aChangedNfoPublishesTheFileAgainWithItsMetadata() throws IOException {
        Path file = add(twoSeconds, "Cheers/Season 06/Cheers - S06E12.mkv");
        Files.writeString(library.resolve("Cheers/tvshow.nfo"), "<tvshow><title>Cheers</title><genre>Comedy</genre></tvshow>");
        scan();
        Path nfo = Files.writeString(library.resolve("Cheers/Season 06/Cheers - S06E12.nfo"),
                "<episodedetails><title>Christmas Cheers</title><season>6</season><episode>12</episode><plot>Holiday.</plot></episodedetails>");
        Files.setLastModifiedTime(nfo, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(60)));

        ScanReport report = scan();

        assertThat(report.changes()).extracting(ScanReport.Change::action).containsExactly(Action.CHANGED);
        assertThat(published).singleElement().isInstanceOfSatisfying(AssetUpserted.class, e -> {
            assertThat(e.title()).isEqualTo("Cheers S06E12 - Christmas Cheers");
            assertThat(e.description()).isEqualTo("Holiday.");
            assertThat(e.genre()).isEqualTo("Comedy");
        });
    }

    @Test
    void aRemovedFileIsRetired() throws IOException {
        Path gone = add(twoSeconds, "gone.mkv");
        add(threeSeconds, "kept.mkv");
        scan();
        UUID uuid = index.rows.get(gone.toString()).assetUuid();
        Files.delete(gone);

        ScanReport report = scan();

        assertThat(report.changes()).extracting(ScanReport.Change::action).containsExactly(Action.REMOVED);
        assertThat(published).containsExactly(new AssetRetired(uuid, null));
        assertThat(index.rows).containsOnlyKeys(library.resolve("kept.mkv").toString());
    }

    @Test
    void aDryRunListsWhatWouldBePublishedAndPublishesNothing() throws IOException {
        add(twoSeconds, "Show.S01E01.mkv");

        ScanReport report = scan.run(List.of(library), true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.NEW);
            assertThat(c.title()).isEqualTo("Show S01E01");
            assertThat(c.durationMs()).isBetween(1_990L, 2_100L);
        });
        assertThat(published).isEmpty();
        assertThat(index.rows).isEmpty();
    }

    @Test
    void emptyAndUnreadableFilesAreReportedAndNeverPublished() throws IOException {
        add(twoSeconds, "good.mkv");
        Files.createFile(library.resolve("empty.mkv"));
        Files.writeString(library.resolve("garbage.mp4"), "this is not a video file at all");

        ScanReport report = scan();

        assertThat(report.problems()).extracting(ScanReport.Problem::kind, ScanReport.Problem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProblemKind.ZERO_LENGTH, library.resolve("empty.mkv").toString()),
                org.assertj.core.groups.Tuple.tuple(ProblemKind.UNREADABLE, library.resolve("garbage.mp4").toString()));
        assertThat(published).singleElement().isInstanceOfSatisfying(AssetUpserted.class,
                e -> assertThat(e.media().uri()).endsWith("good.mkv"));
        assertThat(index.rows).containsOnlyKeys(library.resolve("good.mkv").toString());
    }

    @Test
    void aMissingLibraryFolderIsReportedAndItsFilesAreNotRetired() throws IOException {
        add(twoSeconds, "a.mkv");
        scan();
        Path unmounted = library.resolveSibling(library.getFileName() + "-moved-away");
        Files.move(library, unmounted);

        ScanReport report = scan();

        assertThat(report.problems()).extracting(ScanReport.Problem::kind).containsExactly(ProblemKind.MISSING_FOLDER);
        assertThat(published).isEmpty();
        assertThat(index.rows).hasSize(1);
        Files.move(unmounted, library);
    }

    /** The index in memory: a map by path, written the way the PostgreSQL index is. */
    static final class MemoryIndex implements LibraryIndex {
        final Map<String, LibraryFile> rows = new HashMap<>();

        @Override
        public Map<String, LibraryFile> load() {
            return new HashMap<>(rows);
        }

        @Override
        public void record(Collection<LibraryFile> upserted, Collection<String> removedPaths) {
            removedPaths.forEach(rows::remove);
            upserted.forEach(row -> {
                rows.values().removeIf(r -> r.assetUuid().equals(row.assetUuid()));
                rows.put(row.path(), row);
            });
        }
    }
}
