package io.continuity.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.continuity.demo.DemoSeeder;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestTools;

/**
 * Playout in the local run, off unless asked for ({@code ./mvnw -Prun -Dplayout}, or {@code CONTINUITY_LOCAL_PLAYOUT=true}). On, the
 * demo media is made with ffmpeg once ({@link DemoMedia}); the service imports it with a library scan and publishes the Test Card
 * channel that plays it ({@code continuity.demo.media-channel}); and the same jar runs a second time as the playout ChannelManager
 * ({@code quarkus.profile=playout}), playing that channel as live HLS, while the reference ChannelManager keeps simulating the four
 * other demo channels, whose catalog has no media. Asked for without ffmpeg and ffprobe, or with a rehearsal clock, the run goes on
 * without playout and says why in one line; not asked for, it says in one line how to turn it on.
 */
final class LocalPlayout {

    /** The switch: {@code -Dplayout} on the Maven command line sets it (pom.xml, profile {@code run}). */
    static final String PROPERTY = "continuity.local.playout";
    static final String ENVIRONMENT = "CONTINUITY_LOCAL_PLAYOUT";
    static final String COMMAND = "./mvnw -Prun -Dplayout";

    /**
     * What the run does about playout.
     *
     * @param message the one line the run prints about it
     */
    record Decision(boolean on, Path ffmpeg, Path ffprobe, String message) {
    }

    private LocalPlayout() {
    }

    /** Whether the switch is on: the system property, else the environment variable. */
    static boolean requested() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY)) || Boolean.parseBoolean(System.getenv(ENVIRONMENT));
    }

    /** Whether the service runs on the real clock: a rehearsal clock would be started anew by the playout process, seconds apart. */
    static boolean realClock() {
        String start = System.getenv("CONTINUITY_CLOCK_START");
        String speed = System.getenv("CONTINUITY_CLOCK_SPEED");
        return (start == null || start.isBlank()) && (speed == null || speed.isBlank() || speed.strip().matches("1(\\.0*)?"));
    }

    /** Decides from the switch, the binaries found and the clock. */
    static Decision decide(boolean requested, Optional<Path> ffmpeg, Optional<Path> ffprobe, boolean realClock) {
        if (!requested) {
            return new Decision(false, null, null, "Playout is off (every channel is simulated): '" + COMMAND
                    + "' plays a generated test-card library as live HLS on a fifth channel, Test Card (needs ffmpeg)");
        }
        Optional<String> missing = TestTools.ffmpegMissing(ffmpeg, ffprobe, "playout in the local run");
        if (missing.isPresent()) {
            return new Decision(false, null, null, missing.get() + ". Going on without playout");
        }
        if (!realClock) {
            return new Decision(false, null, null, "Playout runs on the real clock only (CONTINUITY_CLOCK_START/SPEED are set: its own clock would "
                    + "start seconds after the service's). Going on without playout");
        }
        return new Decision(true, ffmpeg.get(), ffprobe.get(), "Playout is on: ffmpeg " + ffmpeg.get() + ", ffprobe " + ffprobe.get());
    }

    /** Makes the demo media, or reuses it; when it cannot be made, playout is off and the decision says why. */
    static Decision withDemoMedia(Decision decision, Path folder) {
        long begin = System.nanoTime();
        try {
            int made = DemoMedia.ensure(folder, decision.ffmpeg());
            String what = made == 0 ? "reusing " + folder
                    : "made " + made + " files in " + folder + " in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms";
            return new Decision(true, decision.ffmpeg(), decision.ffprobe(), "Demo media for playout: " + what);
        } catch (IOException e) {
            return new Decision(false, null, null, "The demo media could not be made in " + folder + " (" + e.getMessage() + "). Going on without playout");
        }
    }

    /**
     * The service's settings with playout: import the demo media at start and publish the Test Card channel, leave that channel to the
     * playout process, and point the M3U and the guide's Watch button at it.
     */
    static Map<String, String> serviceConfig(Decision decision, Path media, int hlsPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("continuity.library.paths", media.toAbsolutePath().toString());
        config.put("continuity.library.ffprobe", decision.ffprobe().toString());
        config.put("continuity.demo.media-channel", "true");
        config.put("continuity.simulator.channels", String.join(",", DemoSeeder.SIMULATED_CHANNELS));
        config.put("continuity.iptv.stream-base-url", "http://localhost:" + hlsPort);
        config.put("continuity.iptv.channels", DemoSeeder.TEST_CARD.toString());
        return config;
    }

    /**
     * Starts the playout process: the same jar in the {@code playout} profile, playing the Test Card channel. It writes to
     * {@code target/playout} (emptied first) and logs to {@code log}; it uses no database. Its HTTP port (health, metrics) is any
     * free one; its streams are on {@code hlsPort}. Like the service, it ends with this JVM.
     */
    static ServiceProcess start(Path jar, String bootstrap, int hlsPort, Decision decision, Path target, Path log) throws IOException {
        Path output = target.resolve("playout");
        deleteTree(output);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.profile", "playout");
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("continuity.playout.channels", DemoSeeder.TEST_CARD.toString());
        config.put("continuity.playout.http-port", String.valueOf(hlsPort));
        config.put("continuity.playout.output-dir", output.toAbsolutePath().toString());
        config.put("continuity.playout.ffmpeg", decision.ffmpeg().toString());
        config.put("continuity.playout.ffprobe", decision.ffprobe().toString());
        // The demo media is 320x180: 640x360 at 1 Mb/s looks the same and costs a laptop a fraction of the 720p profile.
        config.put("continuity.playout.transcode.size", "640x360");
        config.put("continuity.playout.transcode.video-bitrate", "1000k");
        return ServiceProcess.start("playout", jar, ServiceProcess.freePort(), config, log);
    }

    /** The Test Card channel's live playlist. */
    static String streamUrl(int hlsPort) {
        return "http://localhost:" + hlsPort + "/hls/" + DemoSeeder.TEST_CARD + "/live.m3u8";
    }

    /** Waits until the live playlist lists a segment; true once it does, false when {@code timeout} passed first. */
    static boolean awaitFirstSegment(int hlsPort, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl(hlsPort))).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> playlist = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (playlist.statusCode() == 200 && playlist.body().contains("#EXTINF")) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
