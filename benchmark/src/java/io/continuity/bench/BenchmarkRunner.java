package io.continuity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

/**
 * The benchmark harness of issue 8 ({@code ./mvnw -Pbench}, {@code benchmark/run.sh}): starts a real Kafka broker,
 * PostgreSQL and the packaged service, runs B1–B7 with progress lines, and prints one table with, for each
 * benchmark, the figure, the ceiling measured in the same run, and their ratio. The table (with the machine it ran
 * on) is also written to {@code <bench.out>/results.md}; with {@code -Dbench.jfr=true} the service and the B7 run are
 * recorded and {@code <bench.out>/jfr-summary.md} says where each benchmark's CPU time went. See benchmark/README.md.
 */
public final class BenchmarkRunner {

    private final BenchOptions options;

    public BenchmarkRunner(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path jar = args.length > 0 ? Path.of(args[0]) : ServiceProcess.packagedJar();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
                "bench-stop-children"));
        new BenchmarkRunner(BenchOptions.fromSystemProperties(jar)).run();
        System.exit(0);
    }

    /** Runs the selected benchmarks; returns the table it printed. */
    public Table run() throws Exception {
        quietBrokerLogs();
        Files.createDirectories(options.out());
        String machine = machine();
        String loadBefore = ProcStatus.loadAverage();
        Progress.say("Continuity benchmarks, scale '" + options.scale().name() + "'" + (options.only().isEmpty() ? "" : ", only "
                + options.only()) + "; " + machine);
        Table table = new Table();
        Footprint footprint = new Footprint();
        Phases phases = new Phases();
        long start = System.nanoTime();
        RebuildStage rebuild = new RebuildStage(options, footprint, phases);
        if (options.runs("B2") || options.runs("B5") || options.runs("B6") || options.runs("B3C")) {
            rebuild.run(table);
        }
        if (options.runs("B1") || options.runs("B3") || options.runs("B4") || options.runs("B5") || options.runs("B6")) {
            new LiveStage(options, footprint, phases).run(table);
        }
        if (options.runs("B6")) {
            footprint.addTo(table, options);
        }
        if (options.runs("B5")) {
            XmltvRender.measure(table);
        }
        if (options.runs("B7")) {
            PeerWorkloadBenchmark.run(options, table, phases);
        }
        if (options.runs("B8")) {
            new ScaleOutStage(options, phases).run(table, rebuild.wallSeconds());
        }
        table.note("Machine: " + machine + ". Load average (1/5/15 min) before the run " + loadBefore + ", after "
                + ProcStatus.loadAverage() + "; the whole run took " + Progress.seconds(System.nanoTime() - start) + ".");
        String rendered = table.render();
        System.out.println();
        System.out.println(rendered);
        Files.writeString(options.out().resolve("results.md"), "Scale: " + options.scale().name() + ", run "
                + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n" + rendered);
        if (options.jfr()) {
            writeJfrSummary(phases.all());
        }
        Progress.say("table written to " + options.out().resolve("results.md"));
        return table;
    }

    private void writeJfrSummary(List<Phases.Phase> phases) throws IOException {
        StringBuilder out = new StringBuilder("# Where the time went (JFR execution samples per benchmark)\n\n");
        for (Phases.Phase phase : phases) {
            out.append(JfrTop.summarise(phase.name(), phase.recording(), phase.start(), phase.end())).append('\n');
        }
        Path file = options.out().resolve("jfr-summary.md");
        Files.writeString(file, out.toString());
        Progress.say("flight recordings summarised in " + file);
    }

    /** The in-JVM broker logs at INFO; the benchmark prints its own progress instead. */
    private static void quietBrokerLogs() {
        for (String logger : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
            LogContext.getLogContext().getLogger(logger).setLevel(Level.WARNING);
        }
    }

    static String machine() {
        String cpu = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown CPU");
        String memory = read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal")).map(l -> l.replaceAll("\\D+", ""))
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)).findFirst().orElse("unknown");
        return String.format("%d CPUs (%s), %s RAM, %s %s (%s), %s %s, PostgreSQL %s", Runtime.getRuntime().availableProcessors(), cpu,
                memory, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.version"),
                postgres());
    }

    private static String postgres() {
        if (!TestDatabase.localServerAnswers()) {
            return "embedded (zonky binaries)";
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1) + " at 127.0.0.1:5432";
        } catch (SQLException e) {
            return "at 127.0.0.1:5432";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
