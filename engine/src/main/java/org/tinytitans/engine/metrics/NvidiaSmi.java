package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * nvidia-smi's CSV query interface ({@code --query-gpu=... --format=csv}). Values such as "[N/A]" or
 * "[Not Supported]" come back as empty, and an unknown field ("is not a valid field to query", exit 2,
 * e.g. total_energy_consumption on driver 580) as an empty result.
 */
public final class NvidiaSmi {

    private final CommandRunner runner;
    private final List<Integer> gpuIds;

    public NvidiaSmi(CommandRunner runner, List<Integer> gpuIds) {
        this.runner = runner;
        this.gpuIds = List.copyOf(gpuIds);
    }

    public List<Integer> gpuIds() {
        return gpuIds;
    }

    /** One row of a query: the raw fields, and the header's units when the query asked for them. */
    public record Row(List<String> fields) {
        public Optional<Double> number(int i) {
            if (i >= fields.size()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Double.parseDouble(fields.get(i)));
            } catch (NumberFormatException notANumber) {
                return Optional.empty(); // [N/A], [Not Supported], blank
            }
        }
    }

    /** Result of a query: header (when asked for) and rows, one per selected GPU. */
    public record Table(List<String> header, List<Row> rows) {
    }

    /** Runs one query; empty when nvidia-smi is missing, fails, or rejects a field. */
    public Optional<Table> query(String fields, boolean withHeader) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("nvidia-smi", "--query-gpu=" + fields,
                withHeader ? "--format=csv" : "--format=csv,noheader,nounits"));
        if (!gpuIds.isEmpty()) {
            cmd.add("-i");
            cmd.add(gpuIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        CommandRunner.Result r = runner.run(cmd);
        if (r.exitCode() != 0 || r.output().contains("is not a valid field")) {
            return Optional.empty();
        }
        List<String> lines = r.output().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        List<String> header = List.of();
        int from = 0;
        if (withHeader && !lines.isEmpty()) {
            header = split(lines.get(0));
            from = 1;
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            rows.add(new Row(split(line)));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(header, rows));
    }

    /** Runs a compute-apps query (per-process rows); empty on failure. */
    public List<Row> computeApps(String fields) {
        try {
            CommandRunner.Result r = runner.run(List.of("nvidia-smi", "--query-compute-apps=" + fields,
                    "--format=csv,noheader,nounits"));
            if (r.exitCode() != 0) {
                return List.of();
            }
            return r.output().lines().map(String::trim).filter(l -> !l.isEmpty()).map(l -> new Row(split(l))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.split(",", -1)) {
            out.add(f.trim());
        }
        return out;
    }
}
