package org.tinytitans.bench;

import java.util.List;
import java.util.Locale;

/**
 * Equivalent documents for the editor benchmark: a {@code .prune} spec and a YAML file that say the same thing
 * (same experiments, same properties, same values), plus a JSON schema that gives the YAML server what our
 * catalog gives ours: enums to complete and descriptions to show on hover. Each experiment takes exactly
 * {@link #LINES_PER_EXPERIMENT} lines in both, so a document of N lines holds N / 20 experiments.
 */
public final class Corpus {

    public static final int LINES_PER_EXPERIMENT = 20;
    static final List<String> CRITERIA = List.of("l1", "l2", "random", "taylor", "fpgm");
    static final List<String> MODELS = List.of("resnet56", "resnet20", "resnet110", "vgg16-cifar");

    /**
     * Where the probes go: the experiment in the middle and its lines (0-based) in each format; breakLine, a line
     * start near the top (the second experiment's) where a line break may be inserted and taken out again.
     */
    public record Probe(int experiment, int criterionLine, int criterionValueColumn, int criterionKeyColumn,
                        int ratioLine, int ratioValueColumn, int ratioValueLength, int breakLine) {}

    private Corpus() {}

    public static int experiments(int lines) {
        if (lines < LINES_PER_EXPERIMENT || lines % LINES_PER_EXPERIMENT != 0) {
            throw new IllegalArgumentException("lines must be a positive multiple of " + LINES_PER_EXPERIMENT + ", not " + lines);
        }
        return lines / LINES_PER_EXPERIMENT;
    }

    public static String prune(int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < experiments(lines); i++) {
            b.append(String.format(Locale.ROOT, PRUNE_EXPERIMENT, i, model(i), criterion(i), ratio(i), ratio(i) + 5));
        }
        return b.toString();
    }

    /** The same experiments as YAML; the first line is the schema modeline the YAML server reads. */
    public static String yaml(int lines, String schemaUri) {
        StringBuilder b = new StringBuilder();
        b.append("# yaml-language-server: $schema=").append(schemaUri).append("\n");
        b.append("experiments:\n");
        for (int i = 0; i < experiments(lines); i++) {
            b.append(String.format(Locale.ROOT, YAML_EXPERIMENT, i, model(i), criterion(i), ratio(i), ratio(i) + 5));
        }
        return b.toString();
    }

    // One experiment in each format, LINES_PER_EXPERIMENT lines each: number, model, criterion, ratio, flops bound.
    private static final String PRUNE_EXPERIMENT = """
            experiment exp_%05d {
              model %s
              dataset synthetic {
                samples 500
              }
              prune filters {
                criterion %s
                ratio %d%%
                scope per-layer
              }
              finetune {
                epochs 2
                lr 0.01
              }
              measure flops, params, latency
              energy { region BRA; pue 1.2 }
              target cpu
              expect flops <= %d%%
            }

            """;

    private static final String YAML_EXPERIMENT = """
              exp_%05d:
                model: %s
                dataset:
                  name: synthetic
                  samples: 500
                prune:
                  criterion: %s
                  ratio: %d%%
                  scope: per-layer
                  granularity: filters
                finetune:
                  epochs: 2
                  lr: 0.01
                measure: [flops, params, latency]
                energy:
                  region: BRA
                  pue: 1.2
                target: cpu
                expect:
                  - flops <= %d%%
            """;

    public static Probe pruneProbe(int lines) {
        int e = experiments(lines) / 2;
        int base = e * LINES_PER_EXPERIMENT;
        return new Probe(e, base + 6, "    criterion ".length(), 4, base + 7, "    ratio ".length(), String.valueOf(ratio(e)).length(),
                LINES_PER_EXPERIMENT);
    }

    public static Probe yamlProbe(int lines) {
        int e = experiments(lines) / 2;
        int base = 2 + e * LINES_PER_EXPERIMENT;
        return new Probe(e, base + 6, "      criterion: ".length(), 6, base + 7, "      ratio: ".length(), String.valueOf(ratio(e)).length(),
                2 + LINES_PER_EXPERIMENT);
    }

    static String criterion(int i) { return CRITERIA.get(i % CRITERIA.size()); }

    static String model(int i) { return MODELS.get(i % MODELS.size()); }

    static int ratio(int i) { return 10 + (i * 7) % 80; }

    /** JSON schema for the YAML side: the catalog's enums and one-line descriptions for the same properties. */
    public static String schema() {
        return """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Tiny Titans experiments (YAML twin of .prune)",
              "type": "object",
              "properties": {
                "experiments": {
                  "type": "object",
                  "description": "Experiments by name.",
                  "additionalProperties": { "$ref": "#/definitions/experiment" }
                }
              },
              "definitions": {
                "experiment": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "model": { "type": "string", "description": "Architecture from the model zoo.",
                               "enum": ["resnet20","resnet32","resnet44","resnet56","resnet110","vgg16-cifar","resnet50","mobilenetv2","mnist-cnn"] },
                    "dataset": { "type": "object", "additionalProperties": false, "properties": {
                        "name": { "type": "string", "enum": ["synthetic","cifar10","mnist","imagefolder"], "description": "Data set kind." },
                        "samples": { "type": "integer", "minimum": 1, "description": "How many samples to use." } } },
                    "prune": { "type": "object", "additionalProperties": false, "properties": {
                        "granularity": { "type": "string", "enum": ["filters","layers","weights","neurons","heads"], "description": "What is removed." },
                        "criterion": { "type": "string", "description": "How importance is scored; the lowest scores are removed first.",
                                       "enum": ["l1","l2","random","rank","expected-abs","kl-divergence","cka","taylor","fpgm"] },
                        "ratio": { "type": "string", "pattern": "^[0-9]+(\\\\.[0-9]+)?%$", "description": "Share of filters to remove, e.g. 50%." },
                        "scope": { "type": "string", "enum": ["per-layer","global","tutorial"], "description": "How the ratio is applied." } } },
                    "finetune": { "type": "object", "additionalProperties": false, "properties": {
                        "epochs": { "type": "integer", "minimum": 0, "description": "Fine-tuning epochs." },
                        "lr": { "type": "number", "exclusiveMinimum": 0, "description": "Learning rate." } } },
                    "measure": { "type": "array", "items": { "type": "string",
                        "enum": ["flops","params","memory","latency","accuracy","energy","carbon"] }, "description": "Metrics to report." },
                    "energy": { "type": "object", "additionalProperties": false, "properties": {
                        "region": { "type": "string", "description": "ISO 3166 alpha-3 grid region." },
                        "pue": { "type": "number", "minimum": 1, "description": "Power usage effectiveness." } } },
                    "target": { "type": "string", "enum": ["cpu","gpu","ssh","slurm"], "description": "Where the job runs." },
                    "expect": { "type": "array", "items": { "type": "string" }, "description": "Conditions the result must satisfy." }
                  }
                }
              }
            }
            """;
    }
}
