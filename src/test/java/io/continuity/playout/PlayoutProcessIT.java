package io.continuity.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.EventJson;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestTools;

/**
 * The packaged jar in its {@code playout} profile, with no database anywhere: the process becomes ready, and its readiness is the
 * playout ChannelManager's own check (HLS server, loop, ffmpeg, output folder), not the datasource check it has no use for.
 */
class PlayoutProcessIT {

    @TempDir
    Path dir;

    @Test
    void thePlayoutProcessIsReadyWithoutADatabaseAndReportsItsOwnCheck() throws Exception {
        TestTools.requireFfmpeg();
        int nothing = ServiceProcess.freePort();
        Map<String, String> config = Map.of("quarkus.profile", "playout", "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + nothing + "/none",
                "kafka.bootstrap.servers", "127.0.0.1:" + nothing, "continuity.playout.http-port", "0",
                "continuity.playout.output-dir", dir.resolve("hls").toString());
        try (ServiceProcess playout = ServiceProcess.start("playout", ServiceProcess.packagedJar(), ServiceProcess.freePort(), config,
                dir.resolve("playout.log"))) {
            playout.awaitReady(Duration.ofMinutes(2));
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + playout.httpPort() + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode checks = EventJson.mapper().readTree(ready.body()).path("checks");
            List<String> names = new ArrayList<>();
            checks.forEach(c -> names.add(c.path("name").asText()));
            assertThat(names).as("readiness checks of the playout process").contains(PlayoutReadiness.NAME)
                    .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("database"));
            checks.forEach(c -> {
                if (c.path("name").asText().equals(PlayoutReadiness.NAME)) {
                    assertThat(c.path("status").asText()).isEqualTo("UP");
                    assertThat(c.path("data").path("hls-port").asInt()).isPositive();
                }
            });
        }
    }
}
