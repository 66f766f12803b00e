package io.continuity.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./mvnw -Prun} starts dies with the process that started it: a parent JVM starts a child the way
 * {@link ServiceProcess} starts the service (through {@link ParentWatch}), the parent is killed with SIGKILL (no
 * shutdown hook of its own runs, as when an IDE kills Maven), and the child must exit and run its shutdown hooks,
 * which in the local run stop the broker, the database and the service.
 */
class ParentWatchTest {

    @TempDir
    Path dir;

    @Test
    void aChildStartedThroughTheWatchStopsWithItsKilledParentAndRunsItsShutdownHooks() throws Exception {
        Path stopped = dir.resolve("stopped");
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), FakeParent.class.getName(),
                stopped.toString()));
        Process parent = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ProcessHandle child = null;
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).as("the fake parent prints its child's pid").isNotNull().matches("\\d+");
            child = ProcessHandle.of(Long.parseLong(line)).orElseThrow();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(parent.pid());
            // the watch starts once the child's JVM runs ParentWatch: a parent killed before that leaves an orphan the watch never
            // sees (its parent is then init), so the parent is killed only once the child's main method runs
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(stopped) && "running".equals(Files.readString(stopped)));

            parent.destroyForcibly();
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(child.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get()).as("the child exited within 30 s").isNotNull();
            assertThat(stopped).as("the child's shutdown hook ran").hasContent("stopped");
        } finally {
            parent.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts {@link Child} through the watch as {@link ServiceProcess} starts the service, prints its pid, then waits to be killed. */
    public static final class FakeParent {

        public static void main(String[] args) throws Exception {
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(ServiceProcess.endingWithThisJvm(testClasses(), Child.class.getName(), List.of(args[0])));
            Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            System.out.println(child.pid());
            System.out.flush();
            new CountDownLatch(1).await();
        }

        private static Path testClasses() throws URISyntaxException {
            return Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
    }

    /** Writes "running" to the file it was given and waits forever; on the way out, its shutdown hook writes "stopped" there. */
    public static final class Child {

        public static void main(String[] args) throws InterruptedException {
            Path marker = Path.of(args[0]);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(marker, "stopped");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            try {
                Files.writeString(marker, "running");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            new CountDownLatch(1).await();
        }
    }
}
