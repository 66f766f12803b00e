package io.continuity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Asks a running JVM about itself with the JDK's {@code jcmd} (next to the {@code java} running this harness). */
final class Jcmd {

    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)");
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=\\d+MB, committed=(\\d+)MB");
    private static final Pattern HEAP = Pattern.compile("total reserved (\\d+)K, committed (\\d+)K, used (\\d+)K");

    private Jcmd() {
    }

    /** Runs {@code jcmd <pid> <command...>}, keeps its output in {@code file} and returns it (empty if it failed). */
    static List<String> run(long pid, Path file, String... command) {
        List<String> args = new ArrayList<>(List.of(Path.of(KafkaTools.javaCommand()).resolveSibling("jcmd").toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return List.of();
            }
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** "total 431: Java Heap 300, Class 60, ..." from {@code VM.native_memory summary scale=MB}, biggest first, 5 MB or more. */
    static String committedByCategory(List<String> nmt) {
        String total = "?";
        Map<Integer, List<String>> bySize = new TreeMap<>(Comparator.reverseOrder());
        for (String line : nmt) {
            Matcher t = TOTAL.matcher(line);
            if (t.find()) {
                total = t.group(1);
            }
            Matcher c = CATEGORY.matcher(line);
            if (c.find() && Integer.parseInt(c.group(2)) >= 5) {
                bySize.computeIfAbsent(Integer.parseInt(c.group(2)), k -> new ArrayList<>()).add(c.group(1));
            }
        }
        return "total " + total + ": " + bySize.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(name -> name + " " + e.getKey())).collect(Collectors.joining(", "));
    }

    /** "123 of 384 MiB committed" from {@code GC.heap_info}. */
    static String heapUsed(List<String> heapInfo) {
        for (String line : heapInfo) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(3)) / 1024 + " of " + Long.parseLong(m.group(2)) / 1024 + " MiB committed";
            }
        }
        return "unknown";
    }
}
