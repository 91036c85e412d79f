package org.tinytitans.language;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every diagnostic code, with a one-line description and an example. The docs table is generated from here. */
public final class Codes {
    private static final Map<String, String> ALL = new LinkedHashMap<>();
    private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    /** Registers a code with its description and a spec that triggers it where '|' stands (tested). */
    private static String code(String code, String description, String example) {
        ALL.put(code, description);
        EXAMPLES.put(code, example);
        return code;
    }

    // syntax
    public static final String SYNTAX_ERROR = code("syntax-error", "The text does not form a statement (e.g. a value missing after ',').", "measure flops|,");
    public static final String UNTERMINATED_STRING = code("unterminated-string", "A string has no closing '\"' before the end of the line.", "model resnet56 { weights |\"models/x.h5 }");
    public static final String UNEXPECTED_TOKEN = code("unexpected-token", "A token that cannot appear here, such as a stray '}' or a number where a keyword belongs.", "experiment e { model resnet56 } |}");
    public static final String INVALID_CHARACTER = code("invalid-character", "A character the language does not use.", "prune filters { ratio |@50% }");
    public static final String MISSING_BRACE = code("missing-brace", "A '{' is never closed.", "experiment e |{ model resnet56");
    // names
    public static final String UNKNOWN_BLOCK = code("unknown-block", "A statement name that is neither a block nor a property here.", "experiment e { |modle resnet56 }");
    public static final String UNKNOWN_PROPERTY = code("unknown-property", "A property the enclosing block does not have.", "prune filters { |ratoi 50% }");
    public static final String UNKNOWN_GRANULARITY = code("unknown-granularity", "`prune` names a granularity that does not exist.", "prune |filter { ratio 50% }");
    public static final String UNKNOWN_CRITERION = code("unknown-criterion", "A criterion name that does not exist.", "prune filters { criterion |l3 }");
    public static final String CRITERION_GRANULARITY = code("criterion-granularity", "A criterion that exists, but not for this granularity.", "prune filters { criterion |wanda }");
    public static final String UNKNOWN_MODEL = code("unknown-model", "A model name that is not in the zoo.", "model |resnet57");
    public static final String UNKNOWN_DATASET = code("unknown-dataset", "A dataset name that is not known.", "dataset |cifar11");
    public static final String UNKNOWN_METRIC = code("unknown-metric", "A metric name that is not known.", "measure flops, |parms");
    public static final String UNKNOWN_EXPORT_FORMAT = code("unknown-export-format", "An `export` format that is not known (onnx is).", "export |tflite");
    public static final String UNKNOWN_TARGET = code("unknown-target", "A `target` kind other than cpu, gpu, ssh or slurm.", "target |tpu");
    public static final String UNKNOWN_VALUE = code("unknown-value", "A value outside the property's fixed choices.", "prune filters { scope |everywhere }");
    // values
    public static final String UNKNOWN_UNIT = code("unknown-unit", "A unit suffix the language does not know.", "expect latency <= |5mss");
    public static final String WRONG_UNIT = code("wrong-unit", "A unit of the wrong kind for this property or metric (e.g. `latency <= 5%`).", "expect latency <= |5%");
    public static final String WRONG_TYPE = code("wrong-type", "A value of the wrong type (a name where a number belongs...).", "finetune { epochs |many }");
    public static final String OUT_OF_RANGE = code("out-of-range", "A value outside the allowed range (e.g. `ratio 150%`).", "prune filters { ratio |150% }");
    public static final String MISSING_VALUE = code("missing-value", "A property or statement written without its value.", "prune filters { |ratio }");
    public static final String TOO_MANY_VALUES = code("too-many-values", "Several values where only one is allowed.", "latency { runs 50, |60 }");
    public static final String RATIO_AS_FRACTION = code("ratio-as-fraction", "A fraction such as `0.5` where a percentage reads better; quick fix `50%`.", "prune filters { ratio |0.5 }");
    public static final String INVALID_REGION = code("invalid-region", "A region that is not an ISO 3166 alpha-3 code or WORLD.", "energy { region |bra }");
    public static final String INVALID_PATTERN = code("invalid-pattern", "An N:M pattern with N >= M or M = 0.", "prune weights { pattern |4:2 }");
    // structure
    public static final String MISSING_DATASET = code("missing-dataset", "A data-driven criterion without a `dataset`; said at the criterion.", "model resnet56; prune filters { criterion |rank }");
    public static final String MISSING_MODEL = code("missing-model", "An experiment without a `model`.", "|experiment e { prune filters { criterion l1 } }");
    public static final String MISSING_PRUNE = code("missing-prune", "An experiment that prunes nothing (only the baseline is measured).", "|experiment e { model resnet56 }");
    public static final String DUPLICATE_EXPERIMENT = code("duplicate-experiment", "Two experiments with the same name.", "experiment a { model resnet56 }; experiment |a { model resnet20 }");
    public static final String DUPLICATE_PROPERTY = code("duplicate-property", "A property given twice in one block.", "prune filters { ratio 50%; |ratio 30% }");
    public static final String DUPLICATE_BLOCK = code("duplicate-block", "A block that may appear once (model, dataset, finetune...) given twice.", "model resnet56; |model resnet20");
    public static final String PATTERN_OUTSIDE_WEIGHTS = code("pattern-outside-weights", "`pattern N:M` in a prune block other than `prune weights`.", "prune filters { |pattern 2:4 }");
    public static final String ROUND_TO_OUTSIDE_FILTERS = code("round-to-outside-filters", "`round-to` in a prune block other than `prune filters`.", "prune layers { |round-to 8 }");
    public static final String AFTER_OUTSIDE_TOKENS = code("after-outside-tokens", "`after` in a prune block other than `prune tokens`.", "prune filters { |after 2 }");
    public static final String TOKENS_WITHOUT_AFTER = code("tokens-without-after", "`prune tokens` without `after K`.", "|prune tokens { ratio 50% }");
    public static final String COUNT_OUTSIDE_LAYERS = code("count-outside-layers", "`count` in a prune block other than `prune layers`.", "prune filters { |count 2 }");
    public static final String RATIO_AND_COUNT = code("ratio-and-count", "Both `ratio` and `count` in one prune block.", "prune layers { ratio 20%; |count 2 }");
    public static final String MISSING_CRITERION = code("missing-criterion", "A prune block without `criterion` (the default is used).", "model resnet56; |prune filters { ratio 50% }");
    public static final String MISSING_AMOUNT = code("missing-amount", "A prune block without `ratio` or `count` (the default is used).", "model resnet56; |prune filters { criterion l1 }");
    public static final String MISPLACED_STATEMENT = code("misplaced-statement", "A statement that belongs in another block.", "experiment e { model resnet56; |ratio 50% }");
    public static final String SWEEP_TOO_LARGE = code("sweep-too-large", "A sweep that expands to more runs than the limit.", "|experiment e { model resnet56; prune filters { criterion l1, l2, fpgm, random; ratio 10%, 20%, 30%, 40%, 50%, 60%, 70%, 80%; steps 1, 2, 3, 4, 5, 6, 7, 8, 9 } }");
    public static final String EMPTY_SPEC = code("empty-spec", "A file with no statement at all: there is nothing to check or run.", "|# only a comment");
    public static final String MISSING_FILE = code("missing-file", "A model's `weights` or a dataset's `path` that does not exist beside the spec (a warning: it may appear before the run).", "model resnet56 { weights |\"no/such/weights.h5\" }");
    public static final String EMPTY_EXPERIMENT = code("empty-experiment", "An experiment with nothing in it.", "|experiment e { }");
    public static final String EXPECT_SYNTAX = code("expect-syntax", "An `expect` line not of the form `expect METRIC [drop] OP QUANTITY`.", "expect accuracy |= 90%");
    public static final String EXPECT_NOT_MEASURED = code("expect-not-measured", "An `expect` on a metric that `measure` does not list (it is measured anyway).", "measure flops; expect |accuracy >= 90%");
    public static final String MODEL_DATASET_MISMATCH = code("model-dataset-mismatch", "A language model with an image dataset or the reverse.", "model tiny-lm; dataset |cifar10");
    public static final String CLASSES_MISMATCH = code("classes-mismatch", "A dataset with another number of classes than the model has outputs: its labels would not be the model's classes.", "model mobilenetv2; dataset imagenet { classes |10 }");
    public static final String VISION_ONLY = code("vision-only", "Something that applies to vision models only (ONNX export, `runtime onnxruntime`) on a language model.", "model tiny-lm; export |onnx");
    public static final String CRITERION_FAMILY = code("criterion-family", "A granularity that does not apply to the model's family (e.g. `prune heads` on a CNN, `prune layers` on a CNN without residual blocks).", "model resnet56; prune |heads { ratio 20% }");
    public static final String CRITERION_MODEL = code("criterion-model", "A criterion of the granularity that the model's family cannot use (e.g. `wanda` weights on a vision model); the message lists the ones it can.", "model resnet20; prune weights { criterion |wanda }");

    private Codes() {}

    /** code -> a one-line spec that triggers it; '|' marks where the diagnostic starts. */
    public static Map<String, String> examples() {
        return Collections.unmodifiableMap(EXAMPLES);
    }

    /** code -> one-line description, in declaration order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(ALL);
    }
}
