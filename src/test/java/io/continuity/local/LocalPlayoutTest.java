package io.continuity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.continuity.demo.DemoSeeder;

/** What the local run decides about playout, and the one line it prints about it. */
class LocalPlayoutTest {

    private static final Optional<Path> FFMPEG = Optional.of(Path.of("/usr/bin/ffmpeg"));
    private static final Optional<Path> FFPROBE = Optional.of(Path.of("/usr/bin/ffprobe"));

    @Test
    void withoutTheSwitchPlayoutIsOffAndTheRunSaysHowToTurnItOn() {
        LocalPlayout.Decision decision = LocalPlayout.decide(false, FFMPEG, FFPROBE, true);

        assertThat(decision.on()).isFalse();
        assertThat(decision.message()).contains("./mvnw -Prun -Dplayout").doesNotContain("\n");
    }

    @Test
    void askedForWithoutFfmpegTheRunGoesOnWithoutPlayoutAndSaysWhatToInstall() {
        LocalPlayout.Decision noFfmpeg = LocalPlayout.decide(true, Optional.empty(), FFPROBE, true);
        LocalPlayout.Decision noFfprobe = LocalPlayout.decide(true, FFMPEG, Optional.empty(), true);

        assertThat(noFfmpeg.on()).isFalse();
        assertThat(noFfmpeg.message()).startsWith("ffmpeg not found").contains("playout in the local run", "Install: ")
                .endsWith("Going on without playout").doesNotContain("\n");
        assertThat(noFfprobe.on()).isFalse();
        assertThat(noFfprobe.message()).startsWith("ffprobe not found").endsWith("Going on without playout");
    }

    @Test
    void askedForOnARehearsalClockTheRunGoesOnWithoutPlayout() {
        LocalPlayout.Decision decision = LocalPlayout.decide(true, FFMPEG, FFPROBE, false);

        assertThat(decision.on()).isFalse();
        assertThat(decision.message()).contains("real clock").endsWith("Going on without playout");
    }

    @Test
    void askedForWithFfmpegAndFfprobePlayoutIsOnWithTheBinariesFound() {
        LocalPlayout.Decision decision = LocalPlayout.decide(true, FFMPEG, FFPROBE, true);

        assertThat(decision.on()).isTrue();
        assertThat(decision.ffmpeg()).isEqualTo(FFMPEG.get());
        assertThat(decision.ffprobe()).isEqualTo(FFPROBE.get());
    }

    @Test
    void withPlayoutTheServiceImportsTheMediaLeavesTestCardToPlayoutAndPointsPlayersAtIt() {
        LocalPlayout.Decision on = LocalPlayout.decide(true, FFMPEG, FFPROBE, true);

        assertThat(LocalPlayout.serviceConfig(on, Path.of("/work/target/demo-media"), 18090))
                .containsEntry("continuity.library.paths", "/work/target/demo-media")
                .containsEntry("continuity.library.ffprobe", "/usr/bin/ffprobe")
                .containsEntry("continuity.demo.media-channel", "true")
                .containsEntry("continuity.simulator.channels", "retro-tv,euro-kids,cinema-one,sydney-news")
                .containsEntry("continuity.iptv.stream-base-url", "http://localhost:18090")
                .containsEntry("continuity.iptv.channels", DemoSeeder.TEST_CARD.toString());
        assertThat(LocalPlayout.streamUrl(18090)).isEqualTo("http://localhost:18090/hls/" + DemoSeeder.TEST_CARD + "/live.m3u8");
    }
}
