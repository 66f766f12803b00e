package io.continuity.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * One line of the reliability table: what a fault scenario sent, what the service applied and rejected, what was lost
 * or applied twice (both must be 0), and how long the service took to recover. Each scenario writes its row to
 * {@code target/reliability/rows/<scenario>.json}; {@link #main} prints all rows of a run as one Markdown table.
 *
 * @param scale        {@code reduced} (the normal test suite) or {@code full} ({@code -Preliability})
 * @param recoverMillis from the end of the fault to the oracle holding; 0 when the scenario has no fault window
 */
public record ScenarioRow(String scenario, String scale, long recordsSent, long applied, long rejected, long lost, long appliedTwice,
        long recoverMillis, String oracle) {

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    public static final Path DIRECTORY = Path.of("target", "reliability", "rows");

    /** {@code full} when the suite runs at full size ({@code -Dreliability.scale=full}), else {@code reduced}. */
    public static String currentScale() {
        return "full".equals(System.getProperty("reliability.scale")) ? "full" : "reduced";
    }

    public static boolean full() {
        return "full".equals(currentScale());
    }

    /** Writes this row where the report finds it; a later run of the same scenario replaces it. */
    public ScenarioRow write() {
        try {
            Files.createDirectories(DIRECTORY);
            JSON.writerWithDefaultPrettyPrinter().writeValue(DIRECTORY.resolve(scenario.replaceAll("[^A-Za-z0-9._-]", "_") + ".json").toFile(), this);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ScenarioRow> readAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<ScenarioRow> rows = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                rows.add(JSON.readValue(file.toFile(), ScenarioRow.class));
            }
            rows.sort(Comparator.comparing(ScenarioRow::scenario));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows as a Markdown table. */
    public static String render(List<ScenarioRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"scenario", "scale", "records sent", "applied", "rejected", "lost", "applied twice", "time to recover", "oracle"});
        for (ScenarioRow r : rows) {
            cells.add(new String[] {r.scenario(), r.scale(), count(r.recordsSent()), count(r.applied()), count(r.rejected()),
                count(r.lost()), count(r.appliedTwice()), r.recoverMillis() == 0 ? "—" : String.format(Locale.ROOT, "%.1f s", r.recoverMillis() / 1000.0),
                r.oracle()});
        }
        int[] width = new int[cells.get(0).length];
        Arrays.fill(width, 3);
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            String[] line = cells.get(n);
            out.append('|');
            for (int i = 0; i < line.length; i++) {
                out.append(' ').append(String.format(Locale.ROOT, "%-" + width[i] + "s", line[i])).append(" |");
            }
            out.append('\n');
            if (n == 0) {
                out.append('|');
                for (int w : width) {
                    out.append("-".repeat(w + 2)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Prints the table of every row under {@code target/reliability/rows} (or the directory given). */
    public static void main(String[] args) {
        Path directory = args.length > 0 ? Path.of(args[0]) : DIRECTORY;
        List<ScenarioRow> rows = readAll(directory);
        System.out.println(rows.isEmpty() ? "No reliability rows under " + directory : render(rows));
    }
}
