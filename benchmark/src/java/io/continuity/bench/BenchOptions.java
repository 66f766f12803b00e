package io.continuity.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.continuity.testing.ServiceProcess;

/**
 * What to run, from system properties: {@code bench.scale} (full, small, smoke), {@code bench.only} (e.g. {@code B2,B5}),
 * {@code bench.out} (logs, recordings and the result table), {@code bench.jfr} (record the service and the B7 run
 * with JDK Flight Recorder and summarise where the time went), {@code bench.keep-databases} and {@code bench.aot} (start the
 * service with a JDK AOT cache made by a training run first, as the image does; default true).
 */
public record BenchOptions(Scale scale, Path jar, Path out, boolean jfr, Set<String> only, boolean keepDatabases, boolean aot) {

    public static BenchOptions fromSystemProperties(Path jar) {
        String only = System.getProperty("bench.only", "");
        return new BenchOptions(Scale.of(System.getProperty("bench.scale", "full")), jar,
                Path.of(System.getProperty("bench.out", "target/bench")), Boolean.getBoolean("bench.jfr"),
                only.isBlank() ? Set.of() : Arrays.stream(only.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet()),
                Boolean.getBoolean("bench.keep-databases"), Boolean.parseBoolean(System.getProperty("bench.aot", "true")));
    }

    public static BenchOptions of(String scale, Path out) {
        return new BenchOptions(Scale.of(scale), ServiceProcess.packagedJar(), out, false, Set.of(), false, false);
    }

    boolean runs(String benchmark) {
        return only.isEmpty() || only.contains(benchmark);
    }
}
