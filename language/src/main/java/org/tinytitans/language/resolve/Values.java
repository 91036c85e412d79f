package org.tinytitans.language.resolve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Quantity;
import org.tinytitans.language.catalog.UnitKind;

/**
 * Lenient typed reads of property values for resolution: a value the checker would reject reads as
 * absent, so the default applies. {@code chosen} maps swept property statements to the value of the
 * current sweep point.
 */
final class Values {
    private final Map<String, Statement> props;
    private final Map<Statement, Value> chosen;

    Values(Map<String, Statement> props, Map<Statement, Value> chosen) {
        this.props = props;
        this.chosen = chosen;
    }

    Optional<Value> value(String name) {
        Statement s = props.get(name);
        if (s == null || s.values().isEmpty()) return Optional.empty();
        return Optional.of(chosen.getOrDefault(s, s.values().get(0)));
    }

    List<Value> all(String name) {
        Statement s = props.get(name);
        return s == null ? List.of() : s.values();
    }

    Optional<String> text(String name) {
        return value(name).map(Value::value);
    }

    Optional<Quantity> quantity(String name) {
        return value(name).flatMap(v -> Quantity.parse(v.text())).filter(q -> q.kind().isPresent());
    }

    Optional<Integer> integer(String name) {
        return quantity(name).filter(q -> q.kind().get() == UnitKind.NONE || q.kind().get() == UnitKind.COUNT)
                .map(Quantity::base).filter(d -> d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE)
                .map(d -> (int) Math.round(d));
    }

    Optional<Double> number(String name) {
        return quantity(name).filter(q -> !q.hasUnit()).map(Quantity::value);
    }

    /** 50% and 0.5 both read 0.5. */
    Optional<Double> fraction(String name) {
        return quantity(name).filter(q -> q.isPercent() || !q.hasUnit()).map(Quantity::base);
    }

    /** A quantity of the given kind in base units. */
    Optional<Double> base(String name, UnitKind kind) {
        return quantity(name).filter(q -> q.kind().get() == kind).map(Quantity::base);
    }

    Optional<Boolean> bool(String name) {
        return text(name).filter(t -> t.equals("true") || t.equals("false")).map(Boolean::parseBoolean);
    }

    static Optional<Integer> integer(Value v) {
        return Quantity.parse(v.text()).filter(q -> q.kind().isPresent())
                .filter(q -> q.kind().get() == UnitKind.NONE || q.kind().get() == UnitKind.COUNT)
                .map(Quantity::base).filter(d -> d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE)
                .map(d -> (int) Math.round(d));
    }

    static Values of(Statement block, Map<Statement, Value> chosen) {
        Map<String, Statement> props = new java.util.LinkedHashMap<>();
        if (block != null) block.children().forEach(c -> props.putIfAbsent(c.name(), c));
        return new Values(props, chosen);
    }
}
