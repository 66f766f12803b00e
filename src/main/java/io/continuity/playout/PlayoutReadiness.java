package io.continuity.playout;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness of a process that runs the playout ChannelManager: its HLS server listens, its loop runs, ffmpeg starts and the output
 * folder is writable. Registered only where playout is on ({@code quarkus.smallrye-health.check."…PlayoutReadiness".enabled} follows
 * {@code continuity.playout.enabled}); the playout profile also drops the datasource check, since that process opens no database.
 */
@Readiness
@ApplicationScoped
public class PlayoutReadiness implements HealthCheck {

    static final String NAME = "Playout ChannelManager";

    private final PlayoutConfig config;
    private final PlayoutChannelManager manager;
    private volatile String ffmpegProblem;
    private volatile boolean ffmpegChecked;

    public PlayoutReadiness(PlayoutConfig config, PlayoutChannelManager manager) {
        this.config = config;
        this.manager = manager;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> problems = problems();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(problems.isEmpty()).withData("hls-port", manager.port())
                .withData("output-dir", config.outputDir().toString());
        if (!problems.isEmpty()) {
            response.withData("problems", String.join("; ", problems));
        }
        return response.build();
    }

    /** What keeps this process from playing out, in words an operator can act on; empty when it is ready. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (manager.port() < 0) {
            problems.add("the HLS server is not listening (continuity.playout.http-port " + config.httpPort() + ")");
        }
        if (!manager.running()) {
            problems.add("the playout loop is not running (see the log)");
        }
        String ffmpeg = ffmpegProblem();
        if (ffmpeg != null) {
            problems.add(ffmpeg);
        }
        if (!Files.isDirectory(config.outputDir()) || !Files.isWritable(config.outputDir())) {
            problems.add("the output folder " + config.outputDir() + " is not a writable folder (continuity.playout.output-dir)");
        }
        return problems;
    }

    /** Whether {@code ffmpeg -version} runs, asked once: the binary does not come and go while the process runs. */
    private String ffmpegProblem() {
        if (!ffmpegChecked) {
            ffmpegProblem = runs(config.ffmpeg()) ? null : config.ffmpeg() + " does not run (is ffmpeg installed? continuity.playout.ffmpeg)";
            ffmpegChecked = true;
        }
        return ffmpegProblem;
    }

    private static boolean runs(String ffmpeg) {
        try {
            Process process = new ProcessBuilder(ffmpeg, "-hide_banner", "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
