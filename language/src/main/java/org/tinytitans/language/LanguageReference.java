package org.tinytitans.language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.tinytitans.language.Codes;
import org.tinytitans.language.catalog.BlockInfo;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.DatasetInfo;
import org.tinytitans.language.catalog.ExportFormatInfo;
import org.tinytitans.language.catalog.GranularityInfo;
import org.tinytitans.language.catalog.MetricInfo;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.catalog.ModelInfo;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.catalog.TargetInfo;
import org.tinytitans.language.catalog.Unit;

/**
 * Generates docs/language.md from the catalog, so the reference cannot drift from validation,
 * completion and hover. Regenerate from the repository root with
 * {@code java -cp language/target/classes org.tinytitans.language.LanguageReference docs/language.md}.
 */
public final class LanguageReference {
    static final String REGENERATE = "java -cp language/target/classes org.tinytitans.language.LanguageReference docs/language.md";

    private LanguageReference() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/language.md");
        Files.writeString(out, markdown());
        System.out.println("wrote " + out.toAbsolutePath());
    }

    public static String markdown() {
        Catalog c = Catalog.get();
        StringBuilder md = new StringBuilder();
        md.append("# The `.prune` language reference\n\n");
        md.append("<!-- Generated from the catalog (language/src/main/java/org/tinytitans/language/catalog). Do not edit by hand;\n")
                .append("     regenerate with: mvn -q -pl language -am install -DskipTests && ").append(REGENERATE).append(" -->\n\n");
        md.append("A `.prune` file describes pruning experiments: which model, which data, what to remove and by which\n")
                .append("criterion, what to measure, where to run, and what the result must satisfy.\n\n");
        md.append("## Example\n\n```\n").append(EXAMPLE).append("```\n\n");
        lexical(md, c);
        structure(md);
        blocks(md, c);
        targets(md, c);
        criteria(md, c);
        metrics(md, c);
        expect(md);
        sweeps(md);
        zoo(md, c);
        datasets(md, c);
        md.append("## Regions\n\n")
                .append("`region` takes an ISO 3166-1 alpha-3 country code in capitals (`BRA`, `USA`, `FRA`, `DEU`, `IND`...) or\n")
                .append("`WORLD`. The checker accepts any three capital letters; the engine looks the code up in its carbon-intensity\n")
                .append("table and reports an unknown one when the run starts. `intensity` overrides the region's value. Without\n")
                .append("either, the tutorial's 0.432 kg/kWh is used.\n\n");
        codes(md);
        return md.toString();
    }

    static final String EXAMPLE = """
            # Tutorial part 2: ResNet-56 on CIFAR-10, prune the first conv of every residual block by L1 norm.
            experiment resnet56_l1 {
              model resnet56 {
                weights "models/ResNet56++.h5"     # Keras H5, safetensors or the engine's own format
              }
              dataset cifar10 {
                path "data/cifar-10-batches-bin"
                samples 5000                       # for data-driven criteria and evaluation
              }
              prune filters {
                criterion l1
                ratio 50%
                scope per-layer
              }
              finetune {
                epochs 2
                lr 0.01
              }
              measure flops, params, memory, latency, accuracy, carbon
              latency {
                batch 1
                runs 50
              }
              energy {
                region BRA                         # ISO 3166 alpha-3 code, or: intensity 0.432kg/kWh
                pue 1.2
              }
              target cpu
              expect flops <= 55%
              expect accuracy drop <= 2%
            }
            """;

    private static void lexical(StringBuilder md, Catalog c) {
        md.append("## Lexical rules\n\n")
                .append("- Comments: `#` or `//` to the end of the line.\n")
                .append("- One statement or property per line; `;` separates several on one line. A line ending in `,` continues on the next.\n")
                .append("- Names: letters, digits, `_` and `-`, not starting with a digit (`resnet56`, `per-layer`, `kl-divergence`); a `.` between two digits is part of a name (`llava-1.5-7b`).\n")
                .append("- Strings: double quotes, with `\\\"` and `\\\\` escapes; a string ends on its line.\n")
                .append("- Numbers: `50`, `0.01`, `1e-4`, `-3`, with an optional unit written straight after them: `50%`, `5ms`, `0.432kg/kWh`.\n")
                .append("- `N:M` patterns: `2:4`, `4:8`.\n")
                .append("- Operators (in `expect`): `<=`, `<`, `>=`, `>`.\n\n");
        md.append("### Units\n\n| unit | kind | meaning |\n|---|---|---|\n");
        for (Unit u : c.units()) {
            md.append("| `").append(u.symbol()).append("` | ").append(u.kind().label()).append(" | ").append(u.doc()).append(" |\n");
        }
        md.append("\n");
    }

    private static void structure(StringBuilder md) {
        md.append("## Structure\n\n")
                .append("Every statement has one shape: `KEYWORD [VALUE[, VALUE...]] [{ STATEMENTS }]`.\n\n")
                .append("- A file holds `experiment NAME { ... }` blocks. Statements written at the top level, outside any experiment,\n")
                .append("  are defaults for every experiment of the file. A file without `experiment` is one experiment named `default`.\n")
                .append("- How defaults combine with an experiment's own statements:\n")
                .append("  - `model`, `dataset`, `target`: the experiment's own replaces the default; when both name the same model,\n")
                .append("    dataset or target kind, their properties merge and the experiment's win.\n")
                .append("  - `finetune`, `latency`, `energy`: properties merge, the experiment's win.\n")
                .append("  - `prune` and `measure`: the experiment's own replace the defaults when it has any.\n")
                .append("  - `expect`: the defaults' and the experiment's all apply.\n")
                .append("- Braces may be left out when a block has no properties (`model resnet56`).\n")
                .append("- An experiment may hold several `prune` blocks; they apply in order (e.g. `prune layers` then `prune filters`).\n")
                .append("- `model`, `dataset`, `finetune`, `latency`, `energy`, `target` and `search` appear at most once per experiment.\n\n");
    }

    private static String type(PropertyInfo p) {
        String t = switch (p.type()) {
            case NAME -> p.choices().isEmpty() ? "name" : p.choices().stream().map(x -> "`" + x + "`").collect(Collectors.joining(" \\| "));
            case QUANTITY -> p.unitKind().label() + " (" + p.unitKind().doc().replace("|", "\\|") + ")";
            case INTEGER -> "integer";
            case COUNT_OR_FILE -> "integer \\| string";
            case NUMBER -> "number";
            case FRACTION -> "percentage" + p.choices().stream().map(x -> " \\| `" + x + "`").collect(Collectors.joining());
            case LAYER_RATIO -> "`\"LAYER\" ratio` percentage, repeatable";
            case STRING -> "string";
            case BOOLEAN -> "`true` \\| `false`";
            case PATTERN -> "N:M";
            case REGION -> "region";
        };
        if (p.list()) t += ", list";
        if (p.sweepable()) t += "; sweepable";
        return t;
    }

    private static void blocks(StringBuilder md, Catalog c) {
        md.append("## Statements and properties\n\n");
        for (BlockInfo b : c.blocks()) {
            md.append("### `").append(b.name()).append("`\n\n").append(b.doc()).append("\n\n");
            md.append("```\n").append(b.example()).append("\n```\n\n");
            if (b.argument() == BlockInfo.Argument.FORMAT) {
                md.append("| format | writes | meaning |\n|---|---|---|\n");
                for (ExportFormatInfo f : c.exportFormats()) {
                    md.append("| `").append(f.name()).append("` | `").append(f.file()).append("` | ").append(f.doc()).append(" |\n");
                }
                md.append("\n");
            }
            if (b.properties().isEmpty()) continue;
            md.append("| property | type | range | default | meaning |\n|---|---|---|---|---|\n");
            for (PropertyInfo p : b.properties()) {
                String doc = p.name().equals("criterion") ? "How to score the structures; the lowest scores are removed. See *Granularities and criteria*." : p.doc();
                md.append("| `").append(p.name()).append("` | ").append(type(p)).append(" | ").append(p.rangeText())
                        .append(" | ").append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
                        .append(" | ").append(doc.replace("|", "\\|")).append(" |\n");
            }
            md.append("\n");
        }
    }

    private static void targets(StringBuilder md, Catalog c) {
        md.append("### Target kinds\n\n| target | argument | properties | meaning |\n|---|---|---|---|\n");
        for (TargetInfo t : c.targets()) {
            md.append("| `").append(t.name()).append("` | ").append(t.argument().isEmpty() ? "" : t.argument() + (t.argumentRequired() ? "" : " (optional)"))
                    .append(" | ").append(t.properties().stream().map(x -> "`" + x + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(t.doc()).append(" |\n");
        }
        md.append("\n");
    }

    private static void criteria(StringBuilder md, Catalog c) {
        md.append("## Granularities and criteria\n\n")
                .append("Lower score means less important: the lowest-scoring structures are removed first. When a prune block names\n")
                .append("no criterion, the first weights-only criterion of its granularity is used.\n\n");
        md.append("Which criterion applies depends on the granularity and on the model's family: ")
                .append(Arrays.stream(ModelFamily.values()).map(f -> f.plural() + " (`" + f.key() + "`)").collect(Collectors.joining(", ")))
                .append(".\nEach zoo model's family is in the zoo table below; the checker reports a criterion the model's family\n")
                .append("cannot use and names the ones it can.\n\n");
        md.append("| granularity | removes | family | criteria (the tutorial's first) |\n|---|---|---|---|\n");
        for (GranularityInfo g : c.granularities()) {
            for (ModelFamily f : g.families()) {
                md.append("| `").append(g.name()).append("` | ").append(g.removes().replace("|", "\\|")).append(" | `").append(f.key())
                        .append("` | ").append(c.criteria(g.name(), f).stream().map(x -> "`" + x.name() + "`").collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
        md.append("\n");
        for (GranularityInfo g : c.granularities()) {
            md.append("- `prune ").append(g.name()).append("` (").append(g.families().stream().map(ModelFamily::plural)
                    .collect(Collectors.joining(", "))).append("): ").append(g.doc()).append("\n");
        }
        md.append("\n### Criteria\n\n| criterion | applies to | cost | meaning | reference |\n|---|---|---|---|---|\n");
        for (CriterionInfo k : c.criteria()) {
            md.append("| `").append(k.name()).append("` ").append(k.title()).append(" | ")
                    .append(c.applies(k.name())).append(" | ").append(k.cost().label())
                    .append(" | ").append(k.doc().replace("|", "\\|")).append(" | ").append(k.reference()).append(" |\n");
        }
        md.append("\nA criterion that costs more than the weights needs data: without a `dataset` in its experiment (or the\n")
                .append("file's defaults) it is an error, reported at the criterion.\n\n");
    }

    private static void metrics(StringBuilder md, Catalog c) {
        md.append("## Metrics\n\n`measure` lists what to report. Every metric:\n\n| metric | unit kind | reported in | better | meaning |\n|---|---|---|---|---|\n");
        for (MetricInfo m : c.metrics()) {
            md.append("| `").append(m.name()).append("` | ").append(m.unitKind().label()).append(" | ")
                    .append(m.unit().isEmpty() ? "" : "`" + m.unit() + "`").append(" | ").append(m.lowerIsBetter() ? "lower" : "higher")
                    .append(" | ").append(m.doc().replace("|", "\\|")).append(" |\n");
        }
        md.append("\n");
    }

    private static void expect(StringBuilder md) {
        md.append("## `expect`\n\n`expect METRIC [drop] OP QUANTITY` with OP one of `<=`, `<`, `>=`, `>`.\n\n")
                .append("- A `%` on a count metric (`flops`, `params`, `memory`) is relative to the unpruned baseline:\n")
                .append("  `expect flops <= 55%` means the pruned FLOPs are at most 55% of the baseline's.\n")
                .append("- `drop` compares with the baseline: `expect accuracy drop <= 2%` means at most 2 percentage points lost;\n")
                .append("  `expect perplexity drop <= 10%` means at most 10% higher perplexity. For other metrics, `drop` with a\n")
                .append("  `%` is relative to the baseline and with the metric's unit absolute.\n")
                .append("- Absolute forms take the metric's unit kind: `expect latency <= 5ms`, `expect accuracy >= 90%`,\n")
                .append("  `expect carbon <= 10g`, `expect speedup >= 1.5x`, `expect params <= 400K`. A unit of the wrong kind\n")
                .append("  (`expect latency <= 5%`) is an error.\n")
                .append("- An unmet `expect` is reported on its line after a run.\n\n");
    }

    private static void sweeps(StringBuilder md) {
        md.append("## Sweeps\n\n")
                .append("A sweepable property given several values declares a sweep: the experiment runs once for every\n")
                .append("combination. `criterion l1, random, rank` with `ratio 30%, 50%, 70%` makes nine runs, named by their\n")
                .append("values (`criterion=l1,ratio=30%`). Results form a table and a Pareto front (accuracy or perplexity against\n")
                .append("FLOPs, latency or carbon). A sweep may expand to at most ").append(Catalog.SWEEP_LIMIT).append(" runs per experiment.\n\n");
    }

    private static void zoo(StringBuilder md, Catalog c) {
        md.append("## Zoo models\n\n| model | family | default dataset | input | classes | description |\n|---|---|---|---|---|---|\n");
        for (ModelInfo m : c.models()) {
            md.append("| `").append(m.name()).append("` | `").append(m.modelFamily().key()).append("` | `").append(m.defaultDataset()).append("` | ")
                    .append(m.inputShape().stream().map(String::valueOf).collect(Collectors.joining("x"))).append(" | ")
                    .append(m.classes() > 0 ? String.valueOf(m.classes()) : m.isLanguage() ? "vocabulary" : "-").append(" | ").append(m.doc()).append(" |\n");
        }
        md.append("\n");
    }

    private static void datasets(StringBuilder md, Catalog c) {
        md.append("## Datasets\n\n| dataset | family | default path | description |\n|---|---|---|---|\n");
        for (DatasetInfo d : c.datasets()) {
            md.append("| `").append(d.name()).append("` | ").append(d.family()).append(" | ")
                    .append(d.defaultPath().isEmpty() ? "" : "`" + d.defaultPath() + "`").append(" | ").append(d.doc()).append(" |\n");
        }
        md.append("\n");
    }

    private static void codes(StringBuilder md) {
        md.append("## Diagnostic codes\n\nEvery diagnostic carries one of these stable codes. Errors stop a run; warnings and\n")
                .append("information do not.\n\n| code | meaning | example |\n|---|---|---|\n");
        for (Map.Entry<String, String> e : Codes.all().entrySet()) {
            md.append("| `").append(e.getKey()).append("` | ").append(e.getValue().replace("|", "\\|")).append(" | `")
                    .append(Codes.examples().get(e.getKey()).replace("|", "")).append("` |\n");
        }
        md.append("\nThese come from the engine's exact estimates of the model's graph (`titans-cli check` and the editor\n")
                .append("add them to the checker's findings; see [search.md](search.md)):\n\n| code | meaning |\n|---|---|\n");
        for (Map.Entry<String, String> e : Codes.estimated().entrySet()) {
            md.append("| `").append(e.getKey()).append("` | ").append(e.getValue().replace("|", "\\|")).append(" |\n");
        }
    }
}
