package org.tinytitans.engine.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The bundled table of CPU TDPs (cpu-tdp.csv), looked up by the /proc/cpuinfo model name. */
public final class CpuTdpTable {

    private record Row(String model, double tdpWatts, int threads, String source, Pattern pattern) {
    }

    private final List<Row> rows;

    private CpuTdpTable(List<Row> rows) {
        this.rows = rows;
    }

    public static CpuTdpTable bundled() {
        try (InputStream in = CpuTdpTable.class.getResourceAsStream("cpu-tdp.csv")) {
            if (in == null) {
                throw new IllegalStateException("bundled cpu-tdp.csv is missing from the engine jar");
            }
            List<Row> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String[] f : Csv.rows(r, 4)) {
                String model = f[0];
                // whole words only: "EPYC 9654" must not match "EPYC 96540"
                Pattern p = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(norm(model)) + "(?![A-Za-z0-9])");
                rows.add(new Row(model, Double.parseDouble(f[1]), Integer.parseInt(f[2]), f[3], p));
            }
            return new CpuTdpTable(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<CpuTdp> find(String cpuModelName) {
        if (cpuModelName == null) {
            return Optional.empty();
        }
        String name = norm(cpuModelName);
        return rows.stream()
                .filter(r -> r.pattern.matcher(name).find())
                .max((a, b) -> Integer.compare(a.model.length(), b.model.length()))
                .map(r -> new CpuTdp(r.tdpWatts / r.threads, String.format(Locale.ROOT,
                        "%s: %.0f W TDP / %d threads, %s", r.model, r.tdpWatts, r.threads, r.source)));
    }

    /** The table's figure for this CPU, else the stated default. */
    public CpuTdp lookup(String cpuModelName) {
        return find(cpuModelName).orElse(CpuTdp.DEFAULT);
    }

    private static String norm(String s) {
        return s.replace("(R)", "").replace("(TM)", "").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /** The "model name" of the first CPU in a cpuinfo file, or null. */
    public static String modelName(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? null : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no cpuinfo (not Linux): the default applies
        }
        return null;
    }
}
