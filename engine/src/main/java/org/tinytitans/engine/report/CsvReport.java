package org.tinytitans.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One CSV row per experiment for spreadsheets (RFC 4180 quoting, plain numbers in the result's own units):
 * identity and sweep values, status, expectation counts, Pareto flag, the chosen plan of a ratio search
 * ({@code search_plan}, only when some experiment searched), then baseline_X and pruned_X per metric.
 */
public final class CsvReport {
    private CsvReport() {}

    public static String render(RunResult run) {
        Set<String> variantKeys = new LinkedHashSet<>();
        Set<String> metricKeys = new LinkedHashSet<>();
        for (ExperimentResult e : run.experiments()) {
            variantKeys.addAll(e.variant().keySet());
            metricKeys.addAll(e.baseline().keys());
            metricKeys.addAll(e.pruned().keys());
        }
        List<String> metrics = MetricKind.rows(metricKeys);
        List<String> header = new ArrayList<>(List.of("id", "name"));
        variantKeys.forEach(header::add);
        header.addAll(List.of("status", "model", "dataset", "expects_passed", "expects_failed", "pareto"));
        boolean searched = run.experiments().stream().anyMatch(e -> e.search() != null);
        if (searched) header.add("search_plan");
        for (String k : metrics) {
            header.add("baseline_" + k);
            header.add("pruned_" + k);
        }
        StringBuilder out = new StringBuilder();
        line(out, header);
        List<Summary> summaries = Summary.of(run);
        for (Summary s : summaries) {
            ExperimentResult e = s.experiment();
            List<String> row = new ArrayList<>(List.of(e.id(), e.name()));
            for (String v : variantKeys) row.add(e.variant().getOrDefault(v, ""));
            row.addAll(List.of(e.status(), nz(e.model()), nz(e.dataset()), String.valueOf(e.expectsPassed()),
                    String.valueOf(e.expectsFailed()), String.valueOf(s.pareto())));
            if (searched) row.add(SearchReport.planText(e.search()));
            for (String k : metrics) {
                row.add(plain(e.baseline().get(k)));
                row.add(plain(e.pruned().get(k)));
            }
            line(out, row);
        }
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Full precision without exponent, so spreadsheets read it as the number it is. */
    static String plain(Double v) {
        if (v == null) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf(v.longValue());
        return new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
