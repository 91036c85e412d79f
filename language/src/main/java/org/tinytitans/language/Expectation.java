package org.tinytitans.language;

import java.util.List;
import org.tinytitans.language.ast.Range;

/**
 * What the grammar expects at an offset, for completion.
 *
 * @param kind          KEYWORD: a statement name (block or property) starts here; VALUE: a value of
 *                      {@code key}; NONE: inside a comment or string, nothing to complete
 * @param path          keywords of the enclosing blocks, outermost first (e.g. [experiment, prune]);
 *                      empty at the top level
 * @param blockArgument first value of the innermost enclosing block (e.g. "filters" inside
 *                      {@code prune filters}, the model name inside {@code model}), or null
 * @param key           for VALUE: the statement keyword whose value is typed (e.g. "criterion",
 *                      "measure", "expect", "prune"); null for KEYWORD
 * @param valueIndex    for VALUE: index of the value being typed (0 = first value after the key)
 * @param previousValues for VALUE: the texts of the values before it on the statement
 * @param prefix        the partial word before the offset (may be empty)
 * @param replaceRange  range of the word under the offset, to be replaced by the completion
 */
public record Expectation(Kind kind, List<String> path, String blockArgument, String key, int valueIndex,
                          List<String> previousValues, String prefix, Range replaceRange) {
    public enum Kind { KEYWORD, VALUE, NONE }

    public Expectation {
        path = List.copyOf(path);
        previousValues = List.copyOf(previousValues);
    }

    /** The innermost enclosing block keyword, or "" at the top level. */
    public String block() {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }
}
