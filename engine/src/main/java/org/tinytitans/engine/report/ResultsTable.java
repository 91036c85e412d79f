package org.tinytitans.engine.report;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The terminal table of a run's experiments (a sweep's results): sorted by quality drop, then FLOPs, Pareto
 * points marked {@code *}, and fitted to a width by leaving out the least important columns first and then
 * shortening experiment names.
 */
public final class ResultsTable {
    private static final int MIN_NAME = 10;

    private ResultsTable() {}

    private record Column(String header, int priority, boolean right, Function<Summary, String> cell) {}

    /** Renders a result.json document (docs/results.md) as a table at most {@code width} characters wide. */
    public static String render(JsonObject resultJson, int width) {
        return render(RunResult.from(resultJson, null, null), width);
    }

    public static String render(RunResult run, int width) {
        List<Summary> rows = new ArrayList<>(Summary.of(run));
        if (rows.isEmpty()) return "(no experiments)\n";
        // finished experiments first, the smallest loss first, then the cheapest
        rows.sort(Comparator.comparing((Summary s) -> !s.experiment().complete())
                .thenComparing(Summary::qualityDrop, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Summary::flopsRatio, Comparator.nullsLast(Comparator.naturalOrder())));
        String q = MetricKind.of(TradeoffPlots.qualityKey(run)).label();
        boolean anyIncomplete = rows.stream().anyMatch(s -> !s.experiment().complete());
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("", 0, false, s -> s.pareto() ? "*" : ""));
        // a sweep's rows share one name: head the column with it and show just the sweep values
        boolean oneName = rows.stream().map(s -> s.experiment().name()).distinct().count() == 1;
        columns.add(oneName ? new Column(rows.get(0).experiment().name(), 0, false, s -> s.experiment().label())
                : new Column("Experiment", 0, false, s -> s.experiment().title()));
        if (anyIncomplete) columns.add(new Column("Status", 2, false, s -> s.experiment().status()));
        columns.add(new Column(q, 1, true, Summary::qualityText));
        columns.add(new Column(q.equals("Perplexity") ? "Rise" : "Drop", 1, true, Summary::dropText));
        columns.add(new Column("FLOPs", 1, true, s -> Summary.ratioText(s.flopsRatio())));
        columns.add(new Column("Expects", 2, false, Summary::expectsText));
        columns.add(new Column("Latency", 3, true, s -> s.latencyMs() == null ? "-" : MetricKind.of("latency_ms").format(s.latencyMs())));
        columns.add(new Column("Params", 4, true, s -> Summary.ratioText(s.paramsRatio())));
        columns.add(new Column("CO2e", 5, true, s -> s.carbonG() == null ? "-" : MetricKind.of("carbon_g").format(s.carbonG())));
        // columns nobody measured say nothing: leave them out
        columns.removeIf(c -> c.priority() > 0 && rows.stream().allMatch(s -> c.cell().apply(s).equals("-")));
        int[] widths = widths(columns, rows);
        while (total(widths) - widths[1] + Math.min(widths[1], MIN_NAME) > width) {
            int drop = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).priority() > 0 && (drop < 0 || columns.get(i).priority() >= columns.get(drop).priority())) drop = i;
            }
            if (drop < 0) break;
            columns.remove(drop);
            widths = widths(columns, rows);
        }
        if (total(widths) > width) {
            widths[1] = Math.max(MIN_NAME, widths[1] - (total(widths) - width));
        }
        StringBuilder out = new StringBuilder();
        List<String> header = columns.stream().map(Column::header).toList();
        line(out, columns, widths, header);
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) rule.add(columns.get(i).header().isEmpty() ? "" : "=".repeat(widths[i]));
        line(out, columns, widths, rule);
        for (Summary s : rows) {
            line(out, columns, widths, columns.stream().map(c -> c.cell().apply(s)).toList());
        }
        if (rows.stream().anyMatch(Summary::pareto)) {
            String note = "* Pareto-optimal: " + q.toLowerCase(java.util.Locale.ROOT) + " against FLOPs";
            out.append(note.length() > width ? note.substring(0, Math.max(0, width)) : note).append('\n');
        }
        return out.toString();
    }

    private static int[] widths(List<Column> columns, List<Summary> rows) {
        int[] w = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            w[i] = c.header().length();
            for (Summary s : rows) w[i] = Math.max(w[i], c.cell().apply(s).length());
        }
        return w;
    }

    private static int total(int[] widths) {
        int t = Math.max(0, widths.length - 1) * 2;
        for (int w : widths) t += w;
        return t;
    }

    private static void line(StringBuilder out, List<Column> columns, int[] widths, List<String> cells) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) l.append("  ");
            String c = cells.get(i);
            if (c.length() > widths[i]) c = c.substring(0, Math.max(0, widths[i] - 1)) + "~";
            String pad = " ".repeat(widths[i] - c.length());
            l.append(columns.get(i).right() ? pad + c : c + pad);
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}
