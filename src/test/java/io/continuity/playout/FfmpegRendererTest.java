package io.continuity.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.continuity.playout.TestMedia.Colour;

/** Copy mode remuxes only what players decode, and a remuxed piece comes out as HLS segments of the input's H.264. */
class FfmpegRendererTest {

    @TempDir
    Path dir;

    @Test
    void copyModeRemuxesAnH264ClipAndTranscodesA444One() {
        Path h264 = TestMedia.clip(dir.resolve("ok.mp4"), Colour.GREEN, 4, "OK");
        Path yuv444 = dir.resolve("444.mp4");
        TestMedia.run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:d=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p", yuv444.toString()));
        FfmpegRenderer renderer = new FfmpegRenderer(new TestPlayoutConfig(dir.resolve("hls"), Optional.empty(), EncodingMode.COPY, 6));
        assertThat(renderer.copies(h264)).as("8-bit 4:2:0 H.264 + AAC").isTrue();
        assertThat(renderer.copies(yuv444)).as("H.264 High 4:4:4, which browsers do not decode").isFalse();

        Renderer.Rendering rendering = renderer.start(new Renderer.RenderJob(h264, 1000, 2000, "copy"), dir.resolve("piece"));
        await().atMost(Duration.ofSeconds(30)).until(rendering::finished);
        assertThat(rendering.failed()).as("ffmpeg: %s", rendering.error()).isFalse();
        assertThat(rendering.segments()).isNotEmpty();
        assertThat(new String(TestMedia.run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name",
                "-of", "csv=p=0", rendering.segments().get(0).file().toString()))).lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst())
                .as("the segment's video, remuxed").contains("h264");
        assertThat(rendering.segments().stream().mapToLong(Renderer.Segment::durationMicros).sum()).as("two seconds, to the input's keyframes")
                .isBetween(1_900_000L, 3_100_000L);
    }
}
