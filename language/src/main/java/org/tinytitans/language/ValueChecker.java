package org.tinytitans.language;

import java.util.List;
import java.util.Optional;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.catalog.Unit;
import org.tinytitans.language.catalog.UnitKind;
import org.tinytitans.language.catalog.ValueType;
import org.tinytitans.language.catalog.Quantity;

/** Checks a property's values against its catalog entry: type, unit, range, count of values. */
final class ValueChecker {
    private static final Catalog CATALOG = Catalog.get();
    private final Report report;

    ValueChecker(Report report) {
        this.report = report;
    }

    void check(PropertyInfo p, Statement s) {
        List<Value> values = s.values();
        if (values.isEmpty()) {
            report.error(s.keyword().range(), Codes.MISSING_VALUE, "'" + p.name() + "' needs a value: " + p.type().doc());
            return;
        }
        if (values.size() > 1 && !p.list() && !p.sweepable()) {
            report.error(Range.span(values.get(1).range(), values.get(values.size() - 1).range()), Codes.TOO_MANY_VALUES,
                    "'" + p.name() + "' takes one value");
            checkOne(p, values.get(0));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            if (i > 0 && !v.afterComma()) {
                report.error(v.range(), Codes.SYNTAX_ERROR, "separate the values of '" + p.name() + "' with ','", ", " + v.text());
                return;
            }
            checkOne(p, v);
        }
    }

    /** Checks one value; returns false when it reported something. */
    boolean checkOne(PropertyInfo p, Value v) {
        String name = p.name();
        switch (p.type()) {
            case NAME -> {
                if (v.kind() != TokenKind.NAME) return wrongType(v, "'" + name + "' expects a name: one of " + String.join(", ", p.choices()));
                if (!p.choices().isEmpty() && !p.choices().contains(v.text())) {
                    report.unknown(v.range(), Codes.UNKNOWN_VALUE, name, v.text(), p.choices());
                    return false;
                }
                return true;
            }
            case BOOLEAN -> {
                if (v.kind() != TokenKind.NAME || !(v.text().equals("true") || v.text().equals("false"))) {
                    return wrongType(v, "'" + name + "' expects true or false", "true", "false");
                }
                return true;
            }
            case COUNT_OR_FILE -> {
                return v.kind() == TokenKind.STRING || checkNumber(p, v);
            }
            case STRING -> {
                if (v.kind() != TokenKind.STRING) {
                    return wrongType(v, "'" + name + "' expects a string in double quotes", "\"" + v.text() + "\"");
                }
                return true;
            }
            case PATTERN -> {
                if (v.kind() != TokenKind.PATTERN) return wrongType(v, "'" + name + "' expects an N:M pattern such as 2:4", "2:4");
                String[] nm = v.text().split(":");
                try {
                    long n = Long.parseLong(nm[0]);
                    long m = Long.parseLong(nm[1]);
                    if (m <= 0 || n <= 0 || n >= m) {
                        report.error(v.range(), Codes.INVALID_PATTERN, "pattern N:M needs 0 < N < M (N of every M weights stay), e.g. 2:4", "2:4");
                        return false;
                    }
                } catch (NumberFormatException e) {
                    report.error(v.range(), Codes.INVALID_PATTERN, "pattern numbers are too large");
                    return false;
                }
                return true;
            }
            case LAYER_RATIO -> {
                return checkLayerRatio(p, v);
            }
            case REGION -> {
                if (v.kind() != TokenKind.NAME || !CATALOG.isRegion(v.text())) {
                    String upper = v.text().toUpperCase(java.util.Locale.ROOT);
                    String[] fix = CATALOG.isRegion(upper) ? new String[] {upper} : new String[0];
                    report.error(v.range(), Codes.INVALID_REGION,
                            "region must be an ISO 3166 alpha-3 code in capitals (BRA, USA, FRA...) or WORLD", fix);
                    return false;
                }
                return true;
            }
            default -> {
                return checkNumber(p, v);
            }
        }
    }

    /** `layer "NAME" ratio R`: checked as a whole statement by {@link #checkLayer}; a lone value is its name. */
    private boolean checkLayerRatio(PropertyInfo p, Value v) {
        if (v.kind() != TokenKind.STRING) {
            return wrongType(v, "'layer' expects a layer name in double quotes, then ratio R: layer \"conv2d_1\" ratio 30%", "\"" + v.text() + "\"");
        }
        return true;
    }

    /** A whole `layer "NAME" ratio R` line. */
    void checkLayer(PropertyInfo p, Statement s) {
        List<Value> values = s.values();
        if (values.isEmpty()) {
            report.error(s.keyword().range(), Codes.MISSING_VALUE, "'layer' needs a layer name and a ratio: layer \"conv2d_1\" ratio 30%");
            return;
        }
        if (!checkLayerRatio(p, values.get(0))) return;
        if (values.size() < 2 || !values.get(1).text().equals("ratio") || values.get(1).kind() != TokenKind.NAME) {
            Range at = values.size() < 2 ? values.get(0).range() : values.get(1).range();
            report.error(at, Codes.MISSING_VALUE, "'layer " + values.get(0).text() + "' needs 'ratio R' after the name, e.g. ratio 30%");
            return;
        }
        if (values.size() < 3) {
            report.error(values.get(1).range(), Codes.MISSING_VALUE, "'ratio' needs a value: " + ValueType.FRACTION.doc());
            return;
        }
        if (values.size() > 3) {
            report.error(values.get(3).range(), Codes.TOO_MANY_VALUES, "'layer' takes one name and one ratio");
        }
        PropertyInfo ratio = new PropertyInfo("ratio", p.doc(), ValueType.FRACTION, UnitKind.PERCENT, p.min(), p.max(), null, List.of(), false, false);
        checkNumber(ratio, values.get(2));
    }

    private boolean checkNumber(PropertyInfo p, Value v) {
        String name = p.name();
        if (p.type() == ValueType.FRACTION && v.kind() == TokenKind.NAME && p.choices().contains(v.text())) return true;
        if (v.kind() != TokenKind.NUMBER) return wrongType(v, "'" + name + "' expects " + p.type().doc());
        Optional<Quantity> parsed = Quantity.parse(v.text());
        if (parsed.isEmpty()) return wrongType(v, "'" + v.text() + "' is not a number");
        Quantity q = parsed.get();
        if (!knownUnit(v, q)) return false;
        UnitKind kind = q.kind().orElse(UnitKind.NONE);
        double value;
        switch (p.type()) {
            case INTEGER, COUNT_OR_FILE -> {
                if (kind != UnitKind.NONE && kind != UnitKind.COUNT) return wrongUnit(v, "'" + name + "' is a whole number, not " + kind.label());
                value = q.base();
                if (value != Math.rint(value)) return wrongType(v, "'" + name + "' expects a whole number", Long.toString(Math.round(value)));
            }
            case NUMBER -> {
                if (kind != UnitKind.NONE) return wrongUnit(v, "'" + name + "' is a plain number; remove '" + q.unit() + "'", trimNumber(q.value()));
                value = q.value();
            }
            case FRACTION -> {
                if (kind == UnitKind.PERCENT) {
                    value = q.base();
                } else if (kind == UnitKind.NONE) {
                    value = q.value();
                    if (value > 1 && value <= 100) {
                        report.error(v.range(), Codes.OUT_OF_RANGE, "'" + name + "' " + v.text() + " is above 1; did you mean " + trimNumber(value) + "%?", trimNumber(value) + "%");
                        return false;
                    }
                    if (value >= 0 && value <= 1) {
                        report.info(v.range(), Codes.RATIO_AS_FRACTION, "write " + name + " as a percentage: " + trimNumber(value * 100) + "%", trimNumber(value * 100) + "%");
                    }
                } else {
                    return wrongUnit(v, "'" + name + "' is a fraction: write a percentage such as 50%", "50%");
                }
            }
            default -> { // QUANTITY
                if (kind != p.unitKind()) {
                    // suggest the unit the default is written in (kg/kWh for intensity), else the kind's first
                    String unit = Optional.ofNullable(p.defaultValue()).flatMap(Quantity::parse).map(Quantity::unit)
                            .filter(u -> !u.isEmpty())
                            .orElse(CATALOG.units(p.unitKind()).stream().map(Unit::symbol).findFirst().orElse(""));
                    String fix = trimNumber(q.value()) + unit;
                    return wrongUnit(v, "'" + name + "' expects " + p.unitKind().doc()
                            + (kind == UnitKind.NONE ? "; add a unit" : ", not " + kind.label()), fix);
                }
                value = q.base();
            }
        }
        if ((p.min() != null && value < p.min()) || (p.max() != null && value > p.max())) {
            report.error(v.range(), Codes.OUT_OF_RANGE, "'" + name + "' " + v.text() + " is out of range " + p.rangeText());
            return false;
        }
        return true;
    }

    /** Reports an unknown unit (with the closest known one); true when the unit is known or absent. */
    boolean knownUnit(Value v, Quantity q) {
        if (q.kind().isPresent()) return true;
        List<String> symbols = CATALOG.units().stream().map(Unit::symbol).toList();
        List<String> close = Catalog.suggestions(q.unit(), symbols);
        String hint = close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?";
        report.error(v.range(), Codes.UNKNOWN_UNIT, "unknown unit '" + q.unit() + "'" + hint,
                close.stream().map(u -> trimNumber(q.value()) + u).toList());
        return false;
    }

    private boolean wrongType(Value v, String message, String... fixes) {
        report.error(v.range(), Codes.WRONG_TYPE, message, fixes);
        return false;
    }

    private boolean wrongUnit(Value v, String message, String... fixes) {
        report.error(v.range(), Codes.WRONG_UNIT, message, fixes);
        return false;
    }

    static String trimNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
