package io.continuity.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.continuity.events.CloudEventCodec;

/** What the playout process's readiness names when it cannot play out: each cause in words an operator can act on. */
class PlayoutReadinessTest {

    @TempDir
    Path dir;

    @Test
    void aProcessWithoutFfmpegServerLoopOrOutputFolderIsNotReadyAndSaysWhy() {
        PlayoutConfig base = new TestPlayoutConfig(dir.resolve("missing"), Optional.empty(), EncodingMode.TRANSCODE, 6);
        PlayoutConfig config = (PlayoutConfig) Proxy.newProxyInstance(PlayoutConfig.class.getClassLoader(), new Class<?>[] {PlayoutConfig.class},
                (proxy, method, args) -> method.getName().equals("ffmpeg") ? dir.resolve("no-ffmpeg-here").toString() : method.invoke(base, args));
        PlayoutChannelManager notStarted = new PlayoutChannelManager(config, Map.of(), new CloudEventCodec(null), Clock.systemUTC());

        PlayoutReadiness readiness = new PlayoutReadiness(config, notStarted);

        assertThat(readiness.problems()).satisfiesExactly(
                p -> assertThat(p).startsWith("the HLS server is not listening"),
                p -> assertThat(p).startsWith("the playout loop is not running"),
                p -> assertThat(p).contains("no-ffmpeg-here does not run"),
                p -> assertThat(p).contains("is not a writable folder"));
        assertThat(readiness.call().getStatus()).hasToString("DOWN");
    }
}
