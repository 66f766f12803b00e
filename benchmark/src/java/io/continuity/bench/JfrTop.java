package io.continuity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time went during one benchmark, from a JDK Flight Recorder file: the {@code jdk.ExecutionSample}
 * events inside the benchmark's time window, counted by thread, by layer (the first frame that is not the JDK
 * itself), by the method on top of the stack, and by the Continuity methods on the stack. Same data as
 * {@code jfr print --events jdk.ExecutionSample}, summed.
 */
public final class JfrTop {

    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("io.continuity.resolver.core.", "resolver core");
        LAYERS.put("io.continuity.", "continuity (service code)");
        LAYERS.put("org.hibernate.", "Hibernate ORM");
        LAYERS.put("org.postgresql.", "PgJDBC driver");
        LAYERS.put("io.agroal.", "Agroal pool");
        LAYERS.put("com.fasterxml.jackson.", "Jackson JSON");
        LAYERS.put("org.apache.kafka.", "Kafka client");
        LAYERS.put("io.netty.", "Netty / Vert.x");
        LAYERS.put("io.vertx.", "Netty / Vert.x");
        LAYERS.put("org.jboss.resteasy.", "Quarkus REST");
        LAYERS.put("io.quarkus.", "Quarkus");
        LAYERS.put("com.arjuna.", "Narayana transactions");
        LAYERS.put("io.smallrye.", "SmallRye");
        LAYERS.put("com.cronutils.", "cron-utils");
    }

    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> layers = new HashMap<>();
    private final Map<String, Integer> topFrames = new HashMap<>();
    private final Map<String, Integer> continuityFrames = new HashMap<>();
    private int samples;

    private JfrTop() {
    }

    /** A Markdown summary of the samples recorded in {@code file} between {@code from} and {@code to}. */
    static String summarise(String title, Path file, Instant from, Instant to) throws IOException {
        if (!Files.exists(file)) {
            return "### " + title + "\n\nno recording at " + file + "\n";
        }
        JfrTop top = new JfrTop();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if ("jdk.ExecutionSample".equals(event.getEventType().getName()) && !event.getStartTime().isBefore(from)
                        && !event.getStartTime().isAfter(to)) {
                    top.count(event);
                }
            }
        }
        return top.render(title, file);
    }

    private void count(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
        threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-*"), 1, Integer::sum);
        List<RecordedFrame> frames = stack.getFrames();
        topFrames.merge(name(frames.get(0)), 1, Integer::sum);
        layers.merge(layer(frames), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("io.continuity.") && seen.add(name)) {
                continuityFrames.merge(name, 1, Integer::sum);
            }
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                continue;
            }
            return LAYERS.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                    .orElse(name.substring(0, Math.max(0, name.lastIndexOf('.'))));
        }
        return "JDK only (" + name(frames.get(0)) + ")";
    }

    private String render(String title, Path file) {
        StringBuilder out = new StringBuilder("### " + title + "\n\n" + samples + " CPU samples in " + file.getFileName() + "\n\n");
        section(out, "by thread", threads, 8);
        section(out, "by layer (first non-JDK frame)", layers, 10);
        section(out, "hottest methods (top of stack)", topFrames, 12);
        section(out, "Continuity methods on the stack (inclusive)", continuityFrames, 15);
        return out.toString();
    }

    private void section(StringBuilder out, String heading, Map<String, Integer> counts, int limit) {
        out.append("**").append(heading).append("**\n\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format("- %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
        out.append('\n');
    }

    /** Summarises one recording's whole life: {@code JfrTop <file.jfr>}. */
    public static void main(String[] args) throws IOException {
        System.out.println(summarise(args[0], Path.of(args[0]), Instant.MIN, Instant.MAX));
    }
}
