package io.continuity.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as a separate process, for the local
 * run and for tests that must kill or restart it. Configuration is passed as system properties; the service verifies
 * the bearer tokens of {@link Tokens} unless the configuration says otherwise. The service ends when the JVM that
 * started it ends, even if that JVM is killed ({@link ParentWatch}).
 */
public final class ServiceProcess implements AutoCloseable {

    private static Path parentWatchClasses;
    private static Path parentWatchJar;

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;

    private ServiceProcess(String name, Process process, int httpPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** The packaged jar, as built by {@code ./mvnw package}. */
    public static Path packagedJar() {
        Path jar = Path.of(System.getProperty("continuity.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: run './mvnw package' first");
        }
        return jar;
    }

    /**
     * Starts the service.
     *
     * @param log where its output goes, or {@code null} to share this process's console
     */
    public static ServiceProcess start(String name, Path jar, int httpPort, Map<String, String> config, Path log) {
        return start(name, jar, httpPort, config, log, List.of());
    }

    /** Starts the service with extra JVM options (a flight recording, for instance) after the default ones. */
    public static ServiceProcess start(String name, Path jar, int httpPort, Map<String, String> config, Path log, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        // Kafka's zstd compression loads a native library: allowed up front instead of warned about on the console (JDK 24+)
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + httpPort);
        Map<String, String> properties = new LinkedHashMap<>(Tokens.verificationConfig());
        properties.putAll(config);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        Attributes manifest = manifest(jar);
        command.addAll(jarOptions(manifest));
        boolean aotCache = jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:AOTCache"));
        command.addAll(endingWithThisJvm(aotCache ? parentWatchJar() : parentWatchClassPath(), jar, manifest.getValue(Attributes.Name.MAIN_CLASS),
                List.of()));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        try {
            return new ServiceProcess(name, builder.start(), httpPort, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /**
     * The {@code java} arguments after the JVM options that run {@code mainClass} from {@code classPath} through
     * {@link ParentWatch}: the process ends (running its shutdown hooks) when this JVM ends, however this JVM ends.
     */
    public static List<String> endingWithThisJvm(Path classPath, String mainClass, List<String> args) {
        return endingWithThisJvm(parentWatchClassPath(), classPath, mainClass, args);
    }

    private static List<String> endingWithThisJvm(Path watch, Path classPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of("-cp", watch + File.pathSeparator + classPath.toAbsolutePath(),
                ParentWatch.class.getName(), mainClass));
        command.addAll(args);
        return command;
    }

    private static Attributes manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the manifest of " + jar, e);
        }
    }

    /**
     * The JVM options {@code java -jar} would take from the manifest ({@code Add-Opens}, {@code Add-Exports},
     * {@code Enable-Native-Access}); started from the class path, the service needs them spelled out.
     */
    private static List<String> jarOptions(Attributes manifest) {
        List<String> options = new ArrayList<>();
        words(manifest, "Add-Opens").forEach(p -> options.add("--add-opens=" + p + "=ALL-UNNAMED"));
        words(manifest, "Add-Exports").forEach(p -> options.add("--add-exports=" + p + "=ALL-UNNAMED"));
        if (words(manifest, "Enable-Native-Access").contains("ALL-UNNAMED")) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        return options;
    }

    private static List<String> words(Attributes manifest, String name) {
        String value = manifest.getValue(name);
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** A directory holding only {@link ParentWatch}'s class file (made once per JVM, deleted when it exits). */
    private static synchronized Path parentWatchClassPath() {
        if (parentWatchClasses == null) {
            try {
                Path dir = Files.createTempDirectory("continuity-parent-watch-");
                Path file = dir.resolve(ParentWatch.class.getName().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                try (InputStream in = ParentWatch.class.getResourceAsStream(ParentWatch.class.getSimpleName() + ".class")) {
                    Files.copy(in, file);
                }
                dir.toFile().deleteOnExit();
                Path registered = dir;
                for (Path part : dir.relativize(file)) {
                    registered = registered.resolve(part);
                    registered.toFile().deleteOnExit(); // deleted in reverse order: the file, then its directories
                }
                parentWatchClasses = dir;
            } catch (IOException e) {
                throw new IllegalStateException("Could not prepare the parent watch", e);
            }
        }
        return parentWatchClasses;
    }

    /**
     * A jar holding only {@link ParentWatch}'s class (made once per JVM, deleted when it exits), for a service started with
     * an AOT cache: the JDK refuses to make or use one with a non-empty directory on the class path.
     */
    private static synchronized Path parentWatchJar() {
        if (parentWatchJar == null) {
            try {
                Path dir = Files.createTempDirectory("continuity-parent-watch-");
                Path jar = dir.resolve("parent-watch.jar");
                try (InputStream in = ParentWatch.class.getResourceAsStream(ParentWatch.class.getSimpleName() + ".class");
                        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                    out.putNextEntry(new JarEntry(ParentWatch.class.getName().replace('.', '/') + ".class"));
                    in.transferTo(out);
                    out.closeEntry();
                }
                dir.toFile().deleteOnExit();
                jar.toFile().deleteOnExit(); // deleted in reverse order: the jar, then its directory
                parentWatchJar = jar;
            } catch (IOException e) {
                throw new IllegalStateException("Could not prepare the parent watch", e);
            }
        }
        return parentWatchJar;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + (log == null ? "" : "; see " + log));
            }
            if (status("/q/health/ready") == 200) {
                return this;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + (log == null ? "" : "; see " + log));
    }

    public int status(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + path).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return c.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for a graceful exit; returns the exit code. */
    public int stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        return process.exitValue();
    }

    public int waitForExit() throws InterruptedException {
        return process.waitFor();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }
}
