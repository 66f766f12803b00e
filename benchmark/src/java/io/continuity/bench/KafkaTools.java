package io.continuity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own performance tools ({@code org.apache.kafka.tools.ConsumerPerformance} and {@code EndToEndLatency} from
 * kafka-tools), run unchanged in a child JVM against the benchmark's broker: the ceilings of B1, B3 and B4.
 */
final class KafkaTools {

    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");

    private KafkaTools() {
    }

    /** What ConsumerPerformance reports; {@code fetchPerSecond} leaves out the time spent joining the group. */
    record ConsumerRate(long records, double perSecond, double fetchPerSecond) {
    }

    /** What EndToEndLatency reports: one record produced (acks as asked) and consumed at a time, in whole milliseconds. */
    record EndToEnd(double averageMs, double p50Ms, double p99Ms, double p999Ms) {
    }

    /** Consumes {@code records} records of the topics matching {@code include} from the beginning, with a fresh group. */
    static ConsumerRate consumerPerformance(String bootstrap, String include, long records, Path out) {
        List<String> lines = run("org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server", bootstrap, "--include", include,
                "--num-records", Long.toString(records), "--group", "bench-perf-" + UUID.randomUUID(), "--timeout", "20000"),
                out.resolve("consumer-performance.log"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] fields = lines.get(i).split(",\\s*");
            if (fields.length == 10 && fields[4].matches("\\d+")) {
                return new ConsumerRate(Long.parseLong(fields[4]), Double.parseDouble(fields[5]), Double.parseDouble(fields[9]));
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result: " + lines);
    }

    /** Sends {@code records} records of {@code size} bytes with acks=all through a new single-partition topic. */
    static EndToEnd endToEndLatency(String bootstrap, int records, int size, Path out, String name) {
        List<String> lines = run("org.apache.kafka.tools.EndToEndLatency", List.of("--bootstrap-server", bootstrap, "--topic",
                "bench-e2e-" + UUID.randomUUID().toString().substring(0, 8), "--num-records", Integer.toString(records),
                "--producer-acks", "all", "--record-size", Integer.toString(size)), out.resolve(name + ".log"));
        String all = String.join("\n", lines);
        Matcher p = PERCENTILES.matcher(all);
        Matcher avg = AVERAGE.matcher(all);
        if (!p.find() || !avg.find()) {
            throw new IllegalStateException("EndToEndLatency printed no result: " + lines);
        }
        return new EndToEnd(Double.parseDouble(avg.group(1)), Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2)),
                Double.parseDouble(p.group(3)));
    }

    /** Runs a tool's main class in a child JVM with this JVM's class path; returns what it printed on stdout. */
    private static List<String> run(String mainClass, List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-cp", classPath(), mainClass));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Path stdout = Files.createTempFile("bench-tool-", ".out");
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
            if (!process.waitFor(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within 5 minutes; see " + log);
            }
            List<String> lines = Files.readAllLines(stdout);
            Files.writeString(log, String.join("\n", lines) + "\n", java.nio.file.StandardOpenOption.APPEND);
            Files.delete(stdout);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " failed with exit code " + process.exitValue() + "; see " + log);
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + mainClass, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The class path of this JVM (under Surefire/Failsafe, the test class path). */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
