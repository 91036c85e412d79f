package org.tinytitans.language.ast;

import java.util.List;
import java.util.Optional;

/**
 * Every line of the language has one shape: {@code KEYWORD VALUE [, VALUE ...] [ { STATEMENTS } ]}.
 * Blocks (experiment, model, prune...), properties (ratio 50%), measure and expect all use it;
 * the checker gives each keyword its meaning from the catalog.
 */
public record Statement(Token keyword, List<Value> values, Body body, Range range) {
    public Statement {
        values = List.copyOf(values);
    }

    public String name() {
        return keyword.text();
    }

    public boolean hasBody() {
        return body != null;
    }

    public List<Statement> children() {
        return body == null ? List.of() : body.statements();
    }

    /** The first value, e.g. the name of an experiment or the granularity of a prune block. */
    public Optional<Value> argument() {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Range of the keyword plus the first value: what outlines select. */
    public Range headRange() {
        return values.isEmpty() ? keyword.range() : Range.span(keyword.range(), values.get(0).range());
    }
}
