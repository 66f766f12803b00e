package io.continuity.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.continuity.events.EventJson;

/** The rolling live playlist and the media lookup, without ffmpeg. */
class LivePlaylistTest {

    @TempDir
    Path dir;

    @Test
    void keepsARollingWindowWithDateTimesAndDiscontinuitiesAndDeletesOldSegments() throws IOException {
        Files.createDirectories(dir.resolve("ch"));
        Files.writeString(dir.resolve("ch/seg-99.ts"), "left by an earlier process");
        LivePlaylist playlist = new LivePlaylist(dir.resolve("ch"), 3, Duration.ofSeconds(2));
        assertThat(dir.resolve("ch/seg-99.ts")).as("an earlier process's segment").doesNotExist();
        Instant start = Instant.parse("2026-11-23T07:00:00Z");
        for (int i = 0; i < 10; i++) {
            Path segment = Files.writeString(dir.resolve("s" + i + ".ts"), "segment " + i);
            playlist.add(segment, start.plusSeconds(2L * i), 2_000_000, i % 4 == 0);
        }
        assertThat(Files.readString(playlist.file())).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:6
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-DISCONTINUITY-SEQUENCE:1
                #EXT-X-PROGRAM-DATE-TIME:2026-11-23T07:00:14.000Z
                #EXTINF:2.000000,
                seg-7.ts
                #EXT-X-DISCONTINUITY
                #EXT-X-PROGRAM-DATE-TIME:2026-11-23T07:00:16.000Z
                #EXTINF:2.000000,
                seg-8.ts
                #EXT-X-PROGRAM-DATE-TIME:2026-11-23T07:00:18.000Z
                #EXTINF:2.000000,
                seg-9.ts
                """);
        assertThat(dir.resolve("ch/seg-2.ts")).as("a segment that left the window long ago").doesNotExist();
        assertThat(dir.resolve("ch/seg-3.ts")).as("a segment that just left the window, still fetchable").exists();
    }

    @Test
    void findsAnAssetsFileFromTheCatalogOrTheMediaRootAndIgnoresWhatItCannotUse() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        UUID inRoot = UUID.randomUUID();
        UUID catalogued = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        Files.writeString(root.resolve(inRoot + ".mkv"), "x");
        Files.createFile(root.resolve(empty + ".mp4"));
        Path file = Files.writeString(dir.resolve("show.mp4"), "x");
        MediaLibrary media = new MediaLibrary(Optional.of(root));
        media.upserted(EventJson.mapper().readTree("{\"asset_uuid\":\"" + catalogued + "\",\"media\":{\"uri\":\"" + file.toUri() + "\",\"future\":1}}"));
        media.upserted(EventJson.mapper().readTree("{\"asset_uuid\":\"not-a-uuid\",\"media\":{\"uri\":\"file:///x\"}}"));
        assertThat(media.locate(catalogued)).contains(file);
        assertThat(media.locate(inRoot)).contains(root.resolve(inRoot + ".mkv"));
        assertThat(media.locate(empty)).as("a zero-length file").isEmpty();
        media.upserted(EventJson.mapper().readTree("{\"asset_uuid\":\"" + catalogued + "\",\"media\":{\"uri\":\"https://cdn/x.mp4\"}}"));
        assertThat(media.locate(catalogued)).as("only file: URIs are played").isEmpty();
        media.upserted(EventJson.mapper().readTree("{\"asset_uuid\":\"" + inRoot + "\",\"title\":\"no media object\"}"));
        assertThat(media.locate(inRoot)).as("without media the root is still looked in").isPresent();
        media.retired(inRoot);
        assertThat(media.locate(UUID.randomUUID())).isEmpty();
    }
}
