package io.continuity.playout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Renders each piece with its own ffmpeg process writing an HLS playlist of its own ({@code index.m3u8} plus segments) into
 * the piece's folder; the segments ffmpeg has listed there are finished. One process per piece keeps every item's first frame
 * at the start of a fresh segment and makes a cut (override, new day version) a matter of stopping one process and starting
 * another. See docs/playout.md.
 */
public final class FfmpegRenderer implements Renderer {

    private static final Logger LOG = Logger.getLogger(FfmpegRenderer.class);
    private static final String PLAYLIST = "index.m3u8";

    private final PlayoutConfig config;

    public FfmpegRenderer(PlayoutConfig config) {
        this.config = config;
    }

    @Override
    public Rendering start(RenderJob job, Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> command = command(job, dir, job.isSlate() ? false : copies(job.input()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
            LOG.debugf("Rendering %s: %s", job.label(), String.join(" ", command));
            return new FfmpegRendering(process, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + config.ffmpeg() + " (is ffmpeg installed? continuity.playout.ffmpeg)", e);
        }
    }

    /** The whole ffmpeg command line for one piece. */
    List<String> command(RenderJob job, Path dir, boolean copy) {
        PlayoutConfig.Transcode profile = config.transcode();
        List<String> c = new ArrayList<>(List.of(config.ffmpeg(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        if (job.isSlate()) {
            readRate(c);
            c.addAll(List.of("-f", "lavfi", "-i", "color=c=0x1d2b53:s=" + profile.size() + ":r=" + profile.frameRate() + ",drawtext=text='"
                    + escape(config.slateText()) + "':fontcolor=white:fontsize=h/10:x=(w-text_w)/2:y=(h-text_h)/2"));
            readRate(c);
            c.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-map", "0:v", "-map", "1:a"));
        } else {
            readRate(c);
            c.addAll(List.of("-ss", seconds(job.offsetMs() * 1000), "-i", job.input().toString(), "-map", "0:v:0", "-map", "0:a:0?"));
        }
        c.addAll(List.of("-t", seconds(job.durationMs() * 1000)));
        if (copy) {
            c.addAll(List.of("-c", "copy"));
        } else {
            transcode(c, profile);
        }
        c.addAll(List.of("-f", "hls", "-hls_time", seconds(config.segmentDuration().toNanos() / 1000), "-hls_list_size", "0",
                "-hls_flags", "temp_file", "-hls_segment_type", "mpegts", "-hls_segment_filename", dir.resolve("s%05d.ts").toString(),
                dir.resolve(PLAYLIST).toString()));
        return c;
    }

    private void transcode(List<String> c, PlayoutConfig.Transcode profile) {
        String[] size = profile.size().split("x");
        int gop = (int) Math.round(profile.frameRate() * config.segmentDuration().toMillis() / 1000.0);
        c.addAll(List.of("-vf", "scale=" + size[0] + ":" + size[1] + ":force_original_aspect_ratio=decrease,pad=" + size[0] + ":" + size[1]
                + ":(ow-iw)/2:(oh-ih)/2,setsar=1,fps=" + profile.frameRate(),
                "-c:v", profile.videoCodec(), "-preset", profile.preset(), "-pix_fmt", "yuv420p", "-b:v", profile.videoBitrate(),
                "-g", String.valueOf(gop), "-keyint_min", String.valueOf(gop), "-sc_threshold", "0",
                "-force_key_frames", "expr:gte(t,n_forced*" + seconds(config.segmentDuration().toNanos() / 1000) + ")",
                "-c:a", profile.audioCodec(), "-b:a", profile.audioBitrate(), "-ar", "48000", "-ac", "2"));
    }

    private void readRate(List<String> c) {
        if (config.readRate() > 0) {
            c.addAll(List.of("-readrate", String.format(Locale.ROOT, "%.3f", config.readRate())));
        }
    }

    /**
     * Copy mode remuxes an input whose one video stream is 8-bit 4:2:0 H.264 and whose audio (if any) is AAC: what browsers and
     * IPTV players decode (docs/playout-stream-format.md). Anything else is transcoded.
     */
    boolean copies(Path input) {
        if (config.mode() != EncodingMode.COPY) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder(config.ffprobe(), "-v", "error", "-show_entries", "stream=codec_name,codec_type,pix_fmt", "-of", "csv=p=0",
                    input.toString()).redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return false;
            }
            List<String> streams = out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
            List<String> video = streams.stream().filter(l -> l.contains(",video")).toList();
            List<String> audio = streams.stream().filter(l -> l.contains(",audio")).toList();
            return video.size() == 1 && video.get(0).equals("h264,video,yuv420p") && audio.stream().allMatch(l -> l.startsWith("aac,audio"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.6f", micros / 1_000_000.0);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\\\\\").replace("'", "").replace(":", "\\:").replace(",", "\\,");
    }

    /** Reads the segments an ffmpeg HLS playlist lists: each {@code #EXTINF} line followed by its file name. */
    static List<Segment> listed(Path dir) {
        Path playlist = dir.resolve(PLAYLIST);
        if (!Files.exists(playlist)) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        try {
            long duration = -1;
            for (String line : Files.readAllLines(playlist, StandardCharsets.UTF_8)) {
                if (line.startsWith("#EXTINF:")) {
                    String value = line.substring("#EXTINF:".length());
                    int comma = value.indexOf(',');
                    duration = Math.round(Double.parseDouble(comma < 0 ? value : value.substring(0, comma)) * 1_000_000);
                } else if (!line.isBlank() && !line.startsWith("#") && duration >= 0) {
                    segments.add(new Segment(dir.resolve(line.trim()), duration));
                    duration = -1;
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return segments;
    }

    /** One ffmpeg process and the folder it writes. */
    private static final class FfmpegRendering implements Rendering {
        private final Process process;
        private final Path dir;
        private volatile boolean stopped;

        FfmpegRendering(Process process, Path dir) {
            this.process = process;
            this.dir = dir;
        }

        @Override
        public List<Segment> segments() {
            return listed(dir);
        }

        @Override
        public boolean finished() {
            return !process.isAlive();
        }

        @Override
        public boolean failed() {
            return !stopped && finished() && process.exitValue() != 0;
        }

        @Override
        public String error() {
            try {
                List<String> lines = Files.readAllLines(dir.resolve("ffmpeg.log"), StandardCharsets.UTF_8);
                return "ffmpeg exited with " + process.exitValue() + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1));
            } catch (IOException | IllegalThreadStateException e) {
                return "ffmpeg failed";
            }
        }

        @Override
        public void stop() {
            stopped = true;
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(2, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }
}
