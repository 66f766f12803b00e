package io.continuity.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one result table: for each benchmark the figure, the ceiling measured in the same run on the same broker or
 * database, their ratio (figure ÷ ceiling) and the goal. Printed as a Markdown table so it can go straight into
 * {@code docs/benchmarks.md}; notes below it say what each ceiling is and what the run offered.
 */
public final class Table {

    /** Shown where a figure or ceiling could not be measured. */
    public static final String NOT_PRESENT = "n/a (endpoint not present)";

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * One line of the table.
     *
     * @param figure     what Continuity did, or {@code null} when it could not be measured ({@code figureText} says why)
     * @param ceiling    the reference measured in the same run, or {@code null}
     * @param ceilingOf  what the ceiling is ("ConsumerPerformance, same records")
     * @param met        whether the goal was met, {@code null} when there is no goal
     */
    public record Row(String id, String metric, Double figure, String figureText, String unit, Double ceiling, String ceilingOf,
            String goal, Boolean met) {

        public Double ratio() {
            return figure == null || ceiling == null || ceiling == 0 ? null : figure / ceiling;
        }

        String figureCell() {
            return figure == null ? figureText : format(figure, unit);
        }

        String ceilingCell() {
            return (ceiling == null ? "n/a" : format(ceiling, unit)) + (ceilingOf == null ? "" : " (" + ceilingOf + ")");
        }
    }

    public Table add(String id, String metric, Double figure, String unit, Double ceiling, String ceilingOf, String goal, Boolean met) {
        rows.add(new Row(id, metric, figure, null, unit, ceiling, ceilingOf, goal, met));
        return this;
    }

    public Table addUnmeasured(String id, String metric, String why, String unit, Double ceiling, String ceilingOf, String goal) {
        rows.add(new Row(id, metric, null, why, unit, ceiling, ceilingOf, goal, null));
        return this;
    }

    public Table note(String note) {
        notes.add(note);
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The table as Markdown, followed by the notes. */
    public String render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"", "benchmark", "figure", "ceiling (same run)", "figure ÷ ceiling", "goal", "met"});
        for (Row r : rows.stream().sorted(Comparator.comparing(Row::id)).toList()) {
            Double ratio = r.ratio();
            cells.add(new String[] {r.id(), r.metric(), r.figureCell(), r.ceilingCell(), ratio == null ? "n/a" : ratio(ratio),
                r.goal() == null ? "" : r.goal(), r.met() == null ? "" : r.met() ? "yes" : "**no**"});
        }
        int[] width = new int[cells.get(0).length];
        Arrays.fill(width, 3);
        cells.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            out.append(line(cells.get(n), width));
            if (n == 0) {
                String[] rule = new String[width.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(width[i]);
                }
                out.append(line(rule, width));
            }
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder out = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        return out.append('\n').toString();
    }

    static String ratio(double ratio) {
        return ratio >= 100 ? String.format(Locale.ROOT, "%,.0f", ratio)
                : ratio >= 0.1 ? String.format(Locale.ROOT, "%.2f", ratio) : String.format(Locale.ROOT, "%.3f", ratio);
    }

    /** A value with its unit, rounded to what the measurement can support. */
    static String format(double value, String unit) {
        String number;
        if (Math.abs(value) >= 1000) {
            number = String.format(Locale.ROOT, "%,.0f", value);
        } else if (Math.abs(value) >= 100 || value == Math.rint(value) && !"s".equals(unit)) {
            number = String.format(Locale.ROOT, "%.0f", value);
        } else if (Math.abs(value) >= 10) {
            number = String.format(Locale.ROOT, "%.1f", value);
        } else {
            number = String.format(Locale.ROOT, "%.2f", value);
        }
        return unit == null || unit.isEmpty() ? number : number + " " + unit;
    }
}
