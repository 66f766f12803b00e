package io.continuity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.continuity.demo.DemoSeeder;
import io.continuity.events.AssetUpserted;
import io.continuity.events.CatalogEvent;
import io.continuity.library.Ffprobe;
import io.continuity.library.LibraryFile;
import io.continuity.library.LibraryIndex;
import io.continuity.library.LibraryScan;
import io.continuity.library.MediaName;
import io.continuity.library.ScanReport;
import io.continuity.local.DemoMedia.Item;
import io.continuity.resolver.core.AssetKind;
import io.continuity.testing.TestTools;

/**
 * The local run's demo media: named so the library scan reads three Test Card episodes and three interstitials, shaped so the Test
 * Card channel's 15-minute blocks are filled exactly, and made by ffmpeg with the lengths ffprobe then reads and the genre the
 * channel plays. The programme is made 4 seconds long here; the local run makes it at full length with the same command.
 */
class DemoMediaTest {

    private static final int BLOCK_SECONDS = 15 * 60;

    @TempDir
    Path library;

    @Test
    void theNamesReadAsThreeTestCardEpisodesAndThreeKindsOfInterstitial() {
        List<MediaName> names = DemoMedia.LIBRARY.stream().map(i -> MediaName.parse(Path.of(i.path()))).toList();

        assertThat(names).filteredOn(n -> n.kind() == AssetKind.EPISODE).extracting(MediaName::seriesTitle, MediaName::season, MediaName::episode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Test Card", 1, 1), org.assertj.core.groups.Tuple.tuple("Test Card", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("Test Card", 1, 3));
        assertThat(names).extracting(MediaName::kind).containsOnly(AssetKind.EPISODE, AssetKind.BUMPER, AssetKind.PROMO, AssetKind.FILLER)
                .contains(AssetKind.BUMPER, AssetKind.PROMO, AssetKind.FILLER);
    }

    @Test
    void everyProgrammeLeavesTheRestOfItsBlockToInterstitialsThatFillItExactly() {
        Set<Integer> interstitials = Set.copyOf(DemoMedia.LIBRARY.stream().filter(Item::interstitial).map(Item::seconds).toList());
        for (Item programme : DemoMedia.LIBRARY.stream().filter(i -> !i.interstitial()).toList()) {
            int rest = BLOCK_SECONDS - programme.seconds();
            assertThat(rest).as("%s fits one block", programme.path()).isPositive();
            assertThat(sumOf(rest, interstitials)).as("the %d s after %s is a sum of interstitials %s", rest, programme.path(), interstitials).isTrue();
        }
    }

    @Test
    void theMadeFilesHaveTheirLengthsAndTheScanTagsThemWithTheGenreTheTestCardChannelPlays() throws Exception {
        TestTools.requireFfmpeg();
        Path ffmpeg = TestTools.ffmpeg().orElseThrow();
        List<Item> sample = Stream.concat(Stream.of(DemoMedia.LIBRARY.get(0).withSeconds(4)), DemoMedia.LIBRARY.stream().filter(Item::interstitial))
                .toList();

        assertThat(DemoMedia.make(library, sample, ffmpeg)).isEqualTo(4);
        assertThat(DemoMedia.make(library, sample, ffmpeg)).as("a second run reuses the files").isZero();

        List<CatalogEvent> published = new ArrayList<>();
        ScanReport report = new LibraryScan(new EmptyIndex(), published::addAll, new Ffprobe("ffprobe", Duration.ofSeconds(30)),
                new LibraryScan.Settings(Set.of("mp4"), 2, 100, Duration.ofSeconds(5), true), Clock.systemUTC()).run(List.of(library), false);
        assertThat(report.problems()).isEmpty();
        List<AssetUpserted> assets = published.stream().map(AssetUpserted.class::cast).toList();
        assertThat(assets).extracting(AssetUpserted::genre).containsOnly(DemoSeeder.MEDIA_GENRE);
        assertThat(assets).extracting(AssetUpserted::kind, AssetUpserted::title, AssetUpserted::durationMs).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(AssetKind.EPISODE, "Test Card S01E01 - SMPTE Bars", 4_000L),
                org.assertj.core.groups.Tuple.tuple(AssetKind.BUMPER, "Continuity Ident", 10_000L),
                org.assertj.core.groups.Tuple.tuple(AssetKind.PROMO, "Coming Up", 20_000L),
                org.assertj.core.groups.Tuple.tuple(AssetKind.FILLER, "Tone Break", 30_000L));
        assertThat(assets).allSatisfy(a -> {
            assertThat(a.media().videoCodec()).isEqualTo("h264");
            assertThat(a.media().audioCodec()).isEqualTo("aac");
            assertThat(a.media().frameRate()).isEqualTo("25/1");
        });
    }

    /** Whether {@code total} seconds is a sum of {@code parts}, each usable any number of times. */
    private static boolean sumOf(int total, Set<Integer> parts) {
        boolean[] reachable = new boolean[total + 1];
        reachable[0] = true;
        for (int t = 1; t <= total; t++) {
            for (int part : parts) {
                reachable[t] |= part <= t && reachable[t - part];
            }
        }
        return reachable[total];
    }

    /** An index that has seen nothing: every file is new. */
    private static final class EmptyIndex implements LibraryIndex {
        @Override
        public Map<String, LibraryFile> load() {
            return Map.of();
        }

        @Override
        public void record(Collection<LibraryFile> upserted, Collection<String> removedPaths) {
        }
    }
}
