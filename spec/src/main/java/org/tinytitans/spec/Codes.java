package org.tinytitans.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every diagnostic code, with a one-line description. The docs table is generated from here. */
public final class Codes {
    private static final Map<String, String> ALL = new LinkedHashMap<>();

    private static String code(String code, String description) {
        ALL.put(code, description);
        return code;
    }

    // syntax
    public static final String SYNTAX_ERROR = code("syntax-error", "The text does not form a statement (e.g. a value missing after ',').");
    public static final String UNTERMINATED_STRING = code("unterminated-string", "A string has no closing '\"' before the end of the line.");
    public static final String UNEXPECTED_TOKEN = code("unexpected-token", "A token that cannot appear here, such as a stray '}' or a number where a keyword belongs.");
    public static final String INVALID_CHARACTER = code("invalid-character", "A character the language does not use.");
    public static final String MISSING_BRACE = code("missing-brace", "A '{' is never closed.");
    // names
    public static final String UNKNOWN_BLOCK = code("unknown-block", "A statement name that is neither a block nor a property here.");
    public static final String UNKNOWN_PROPERTY = code("unknown-property", "A property the enclosing block does not have.");
    public static final String UNKNOWN_GRANULARITY = code("unknown-granularity", "`prune` names a granularity that does not exist.");
    public static final String UNKNOWN_CRITERION = code("unknown-criterion", "A criterion name that does not exist.");
    public static final String CRITERION_GRANULARITY = code("criterion-granularity", "A criterion that exists, but not for this granularity.");
    public static final String UNKNOWN_MODEL = code("unknown-model", "A model name that is not in the zoo.");
    public static final String UNKNOWN_DATASET = code("unknown-dataset", "A dataset name that is not known.");
    public static final String UNKNOWN_METRIC = code("unknown-metric", "A metric name that is not known.");
    public static final String UNKNOWN_TARGET = code("unknown-target", "A `target` kind other than cpu, gpu, ssh or slurm.");
    public static final String UNKNOWN_VALUE = code("unknown-value", "A value outside the property's fixed choices.");
    // values
    public static final String UNKNOWN_UNIT = code("unknown-unit", "A unit suffix the language does not know.");
    public static final String WRONG_UNIT = code("wrong-unit", "A unit of the wrong kind for this property or metric (e.g. `latency <= 5%`).");
    public static final String WRONG_TYPE = code("wrong-type", "A value of the wrong type (a name where a number belongs...).");
    public static final String OUT_OF_RANGE = code("out-of-range", "A value outside the allowed range (e.g. `ratio 150%`).");
    public static final String MISSING_VALUE = code("missing-value", "A property or statement written without its value.");
    public static final String TOO_MANY_VALUES = code("too-many-values", "Several values where only one is allowed.");
    public static final String RATIO_AS_FRACTION = code("ratio-as-fraction", "A fraction such as `0.5` where a percentage reads better; quick fix `50%`.");
    public static final String INVALID_REGION = code("invalid-region", "A region that is not an ISO 3166 alpha-3 code or WORLD.");
    public static final String INVALID_PATTERN = code("invalid-pattern", "An N:M pattern with N >= M or M = 0.");
    // structure
    public static final String MISSING_DATASET = code("missing-dataset", "A data-driven criterion without a `dataset`; said at the criterion.");
    public static final String MISSING_MODEL = code("missing-model", "An experiment without a `model`.");
    public static final String MISSING_PRUNE = code("missing-prune", "An experiment that prunes nothing (only the baseline is measured).");
    public static final String DUPLICATE_EXPERIMENT = code("duplicate-experiment", "Two experiments with the same name.");
    public static final String DUPLICATE_PROPERTY = code("duplicate-property", "A property given twice in one block.");
    public static final String DUPLICATE_BLOCK = code("duplicate-block", "A block that may appear once (model, dataset, finetune...) given twice.");
    public static final String PATTERN_OUTSIDE_WEIGHTS = code("pattern-outside-weights", "`pattern N:M` in a prune block other than `prune weights`.");
    public static final String COUNT_OUTSIDE_LAYERS = code("count-outside-layers", "`count` in a prune block other than `prune layers`.");
    public static final String RATIO_AND_COUNT = code("ratio-and-count", "Both `ratio` and `count` in one prune block.");
    public static final String MISSING_CRITERION = code("missing-criterion", "A prune block without `criterion` (the default is used).");
    public static final String MISSING_AMOUNT = code("missing-amount", "A prune block without `ratio` or `count` (the default is used).");
    public static final String MISPLACED_STATEMENT = code("misplaced-statement", "A statement that belongs in another block.");
    public static final String SWEEP_TOO_LARGE = code("sweep-too-large", "A sweep that expands to more runs than the limit.");
    public static final String EMPTY_EXPERIMENT = code("empty-experiment", "An experiment with nothing in it.");
    public static final String EXPECT_SYNTAX = code("expect-syntax", "An `expect` line not of the form `expect METRIC [drop] OP QUANTITY`.");
    public static final String EXPECT_NOT_MEASURED = code("expect-not-measured", "An `expect` on a metric that `measure` does not list (it is measured anyway).");
    public static final String MODEL_DATASET_MISMATCH = code("model-dataset-mismatch", "A language model with an image dataset or the reverse.");
    public static final String CRITERION_FAMILY = code("criterion-family", "A granularity that does not apply to the model's family (e.g. `prune heads` on a CNN).");

    private Codes() {}

    /** code -> one-line description, in declaration order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(ALL);
    }
}
