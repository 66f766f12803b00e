package io.continuity.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The JVM image runs as a non-root user and needs no writable path but /tmp, which compose mounts as a tmpfs and
 * Kubernetes as an emptyDir (no Docker engine here: the Dockerfile is checked, not built).
 */
class DockerfileTest {

    @Test
    void theImageRunsAsANumericNonRootUserAndWritesOnlyToTmp() throws IOException {
        List<String> instructions = Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> users = instructions.stream().filter(l -> l.startsWith("USER ")).map(l -> l.substring(5).trim()).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).matches("[1-9][0-9]*");
        assertThat(instructions).filteredOn(l -> l.startsWith("COPY ") && !l.startsWith("COPY --from=")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("--chown=185"));
        // the playout ChannelManager and the library import run ffmpeg and ffprobe from the PATH; tools stay root-owned
        assertThat(instructions).filteredOn(l -> l.startsWith("COPY --from=")).singleElement()
                .satisfies(l -> assertThat(l).contains("/ffmpeg", "/ffprobe", "/usr/local/bin/").doesNotContain("--chown"));
        assertThat(String.join("\n", instructions)).contains("-Djava.io.tmpdir=/tmp").contains("EXPOSE 8080")
                .doesNotContain("JAVA_OPTS=");
    }
}
