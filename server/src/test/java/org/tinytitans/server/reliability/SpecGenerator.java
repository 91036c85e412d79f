package org.tinytitans.server.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tinytitans.language.catalog.Catalog;

/**
 * A seeded property-based generator of `.prune` documents: well-formed specs built from the catalog's own
 * names (so the checker, resolver and estimates go deep), then mutated at the character and token level (so
 * the parser's recovery is hit). The same seed always yields the same documents, so a failure replays.
 */
public final class SpecGenerator {
    private static final Catalog C = Catalog.get();
    private static final List<String> MODELS = C.models().stream().map(m -> m.name()).toList();
    private static final List<String> DATASETS = C.datasets().stream().map(d -> d.name()).toList();
    private static final List<String> CRITERIA = C.criteria().stream().map(c -> c.name()).toList();
    private static final List<String> METRICS = C.metrics().stream().map(m -> m.name()).toList();
    private static final List<String> GRANULARITIES = List.of("filters", "layers", "weights", "neurons", "heads", "channels");
    private static final List<String> NOISE = List.of("{", "}", "{", "}", ",", ";", "\n", " ", "\t", "\r\n", "\"", "\\",
            "#", "//", "<=", ">=", "==", "%", "50%", "-1", "1e309", "0x1F", "2:4", "é", "\uD83D\uDE00", "\uD83D", "\u0000",
            "\u2028", "experiment", "model", "prune", "expect", "measure", "target", "ssh", "energy", "9".repeat(40));

    private final Random r;

    public SpecGenerator(long seed) {
        this.r = new Random(seed);
    }

    public Random random() {
        return r;
    }

    /** A fresh document: half well-formed specs, half of those mutated, and a few pure token soups. */
    public String next() {
        int kind = r.nextInt(10);
        if (kind == 0) return soup();
        String spec = spec();
        return kind < 5 ? spec : mutate(spec);
    }

    String spec() {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) sb.append("# generated spec\n");
        if (r.nextInt(3) == 0) sb.append(modelBlock(1)).append('\n');
        if (r.nextInt(4) == 0) sb.append(line(0, "measure " + list(METRICS, 4)));
        int experiments = 1 + r.nextInt(3);
        for (int i = 0; i < experiments; i++) sb.append(experiment(i));
        String text = sb.toString();
        return r.nextInt(8) == 0 ? text.replace("\n", "\r\n") : text;
    }

    private String experiment(int i) {
        StringBuilder sb = new StringBuilder("experiment ").append(r.nextInt(6) == 0 ? "e" : "exp" + i).append(" {\n");
        if (r.nextInt(5) > 0) sb.append(modelBlock(1));
        if (r.nextInt(2) == 0) sb.append(block(1, "dataset " + pick(DATASETS), "path \"data/" + pick(DATASETS) + "\"", "samples " + (1 + r.nextInt(5000))));
        int prunes = r.nextInt(3);
        for (int p = 0; p < prunes; p++) {
            sb.append(block(1, "prune " + pick(GRANULARITIES), "criterion " + list(CRITERIA, 3), "ratio " + ratios(),
                    r.nextBoolean() ? "scope per-layer" : "scope global"));
        }
        if (r.nextInt(3) == 0) sb.append(block(1, "finetune", "epochs " + r.nextInt(5), "lr " + pick(List.of("0.01", "1e-3", "0", "-1"))));
        if (r.nextInt(2) == 0) sb.append(line(1, "measure " + list(METRICS, 6)));
        if (r.nextInt(4) == 0) sb.append(block(1, "latency", "batch " + r.nextInt(64), "runs " + r.nextInt(100), "warmup " + r.nextInt(5)));
        if (r.nextInt(4) == 0) sb.append(block(1, "energy", "region " + pick(List.of("BRA", "FRA", "WORLD", "XXX")), "pue " + pick(List.of("1.2", "0.5", "3")),
                "intensity 0.432kg/kWh"));
        if (r.nextInt(4) == 0) sb.append(line(1, "target " + pick(List.of("cpu", "gpu", "gpu 1", "ssh", "slurm", "tpu"))));
        int expects = r.nextInt(3);
        for (int e = 0; e < expects; e++) {
            sb.append(line(1, "expect " + pick(METRICS) + pick(List.of(" drop", "", "")) + " " + pick(List.of("<=", ">=", "<", ">", "==", "=<"))
                    + " " + pick(List.of("55%", "2%", "10ms", "1MB", "0.9", "5", "abc"))));
        }
        return sb.append("}\n").toString();
    }

    private String modelBlock(int indent) {
        String name = r.nextInt(10) == 0 ? "resnet57" : pick(MODELS);
        if (r.nextBoolean()) return line(indent, "model " + name);
        return block(indent, "model " + name, "weights \"models/" + name + ".h5\"");
    }

    /** A block with a random subset of its lines, either one per line or `;`-separated on one line. */
    private String block(int indent, String head, String... lines) {
        List<String> kept = new ArrayList<>();
        for (String l : lines) if (r.nextInt(4) > 0) kept.add(l);
        if (r.nextInt(4) == 0) return line(indent, head + " { " + String.join("; ", kept) + " }");
        StringBuilder sb = new StringBuilder(line(indent, head + " {"));
        for (String l : kept) sb.append(line(indent + 1, l + (r.nextInt(8) == 0 ? "   # note" : "")));
        return sb.append(line(indent, "}")).toString();
    }

    private String line(int indent, String text) {
        return "  ".repeat(indent) + text + "\n";
    }

    private String ratios() {
        int n = 1 + r.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(pick(List.of("30%", "50%", "70%", "0.5", "150%", "2:4", "0%")));
        return String.join(", ", out);
    }

    private String list(List<String> from, int max) {
        int n = 1 + r.nextInt(max);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(pick(from));
        return String.join(", ", out);
    }

    private String soup() {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(80);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextBoolean() ? pick(NOISE) : pick(r.nextBoolean() ? METRICS : CRITERIA));
            if (r.nextBoolean()) sb.append(' ');
        }
        return sb.toString();
    }

    /** One to five edits: delete, insert noise, truncate, duplicate a slice, swap two lines, flip a char. */
    public String mutate(String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(5);
        for (int i = 0; i < edits; i++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
            switch (r.nextInt(6)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(12)));
                case 1 -> sb.insert(at, pick(NOISE));
                case 2 -> sb.setLength(at);
                case 3 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + r.nextInt(40))));
                case 4 -> {
                    String[] lines = sb.toString().split("\n", -1);
                    if (lines.length > 2) {
                        int a = r.nextInt(lines.length);
                        int b = r.nextInt(lines.length);
                        String t = lines[a];
                        lines[a] = lines[b];
                        lines[b] = t;
                        sb.setLength(0);
                        sb.append(String.join("\n", lines));
                    }
                }
                default -> {
                    if (at < sb.length()) sb.setCharAt(at, (char) r.nextInt(0x3000));
                }
            }
        }
        return sb.toString();
    }

    private String pick(List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
