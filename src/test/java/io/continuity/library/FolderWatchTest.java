package io.continuity.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch mode's trigger: a change anywhere in the tree, folders made after the start included, leads to a rescan. */
class FolderWatchTest {

    @TempDir
    Path library;

    @Test
    void aFileAddedInANewFolderTriggersARescan() throws IOException {
        AtomicInteger rescans = new AtomicInteger();
        try (FolderWatch watch = new FolderWatch(List.of(library), Duration.ofMillis(200), () -> rescans.incrementAndGet() > 0)) {
            Path show = Files.createDirectories(library.resolve("Show/Season 01"));
            await().atMost(Duration.ofSeconds(30)).until(() -> rescans.get() >= 1);
            int before = rescans.get();

            Files.writeString(show.resolve("Show - S01E01.mkv"), "not yet a video");

            await().atMost(Duration.ofSeconds(30)).until(() -> rescans.get() > before);
        }
    }

    @Test
    void aRescanThatCannotRunNowIsTriedAgain() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        try (FolderWatch watch = new FolderWatch(List.of(library), Duration.ofMillis(100), () -> attempts.incrementAndGet() >= 3)) {
            Files.writeString(library.resolve("Movie (1999).mkv"), "x");

            await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 3);
        }
        assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    }
}
