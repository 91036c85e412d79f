package org.tinytitans.language.resolve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Quantity;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.catalog.UnitKind;

/**
 * Lenient typed reads of a block's property values for resolution: a value the checker would reject reads as
 * absent, so the default applies. Defaults come from the catalog only ({@link PropertyInfo#defaultValue()}, read
 * as if written in the spec): the {@code ...OrDefault} reads fail loudly for a property the catalog gives none.
 * {@code chosen} maps swept property statements to the value of the current sweep point.
 */
final class Values {
    private final String block;
    private final Map<String, Statement> props;
    private final Map<Statement, Value> chosen;

    Values(String block, Map<String, Statement> props, Map<Statement, Value> chosen) {
        this.block = block;
        this.props = props;
        this.chosen = chosen;
    }

    /** The catalog's default of a property, as written in a spec. */
    static String defaultText(String block, String name) {
        return Catalog.get().property(block, name).map(PropertyInfo::defaultValue).orElseThrow(
                () -> new IllegalStateException("the catalog states no default for " + block + " " + name));
    }

    private Quantity defaultQuantity(String name) {
        String text = defaultText(block, name);
        return Quantity.parse(text).orElseThrow(() -> new IllegalStateException(
                "the catalog default of " + block + " " + name + " is not a number: " + text));
    }

    int integerOrDefault(String name) {
        return integer(name).orElseGet(() -> (int) Math.round(defaultQuantity(name).base()));
    }

    double numberOrDefault(String name) {
        return number(name).orElseGet(() -> defaultQuantity(name).value());
    }

    double fractionOrDefault(String name) {
        return fraction(name).orElseGet(() -> defaultQuantity(name).base());
    }

    double baseOrDefault(String name, UnitKind kind) {
        return base(name, kind).orElseGet(() -> defaultQuantity(name).base());
    }

    String textOrDefault(String name) {
        return text(name).orElseGet(() -> {
            String d = defaultText(block, name);
            return d.length() >= 2 && d.startsWith("\"") && d.endsWith("\"") ? d.substring(1, d.length() - 1) : d;
        });
    }

    boolean boolOrDefault(String name) {
        return bool(name).orElseGet(() -> Boolean.parseBoolean(defaultText(block, name)));
    }

    /** A list property's integers, or the catalog's default list ("100, 150"). */
    List<Integer> integersOrDefault(String name) {
        List<Integer> own = all(name).stream().map(Values::integer).flatMap(Optional::stream).toList();
        if (!own.isEmpty()) return own;
        return java.util.Arrays.stream(defaultText(block, name).split(",")).map(String::trim)
                .map(t -> (int) Math.round(Quantity.parse(t).orElseThrow().base())).toList();
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
        return new Values(block == null ? "" : block.name(), props, chosen);
    }
}
