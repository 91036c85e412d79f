package org.tinytitans.language;

import java.util.List;
import java.util.Optional;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.MetricInfo;
import org.tinytitans.language.catalog.Unit;
import org.tinytitans.language.catalog.UnitKind;
import org.tinytitans.language.catalog.Quantity;

/** Checks {@code expect METRIC [drop] OP QUANTITY} and which units fit the metric. */
final class ExpectChecker {
    private static final Catalog C = Catalog.get();
    private static final String FORM = "expect METRIC [drop] OP VALUE, e.g. expect accuracy drop <= 2%";
    private final Report report;
    private final ValueChecker values;

    ExpectChecker(Report report, ValueChecker values) {
        this.report = report;
        this.values = values;
    }

    void check(Statement s, List<String> measures) {
        if (s.hasBody()) report.error(s.body().open().range(), Codes.UNEXPECTED_TOKEN, "'expect' has no '{ }' block");
        List<Value> v = s.values();
        if (v.isEmpty()) {
            report.error(s.keyword().range(), Codes.EXPECT_SYNTAX, "expect needs a condition: " + FORM);
            return;
        }
        Value metricValue = v.get(0);
        if (metricValue.kind() != TokenKind.NAME) {
            report.error(metricValue.range(), Codes.EXPECT_SYNTAX, "expect starts with a metric: " + FORM);
            return;
        }
        Optional<MetricInfo> metric = C.metric(metricValue.text());
        if (metric.isEmpty()) {
            report.unknown(metricValue.range(), Codes.UNKNOWN_METRIC, "metric", metricValue.text(),
                    C.metrics().stream().map(MetricInfo::name).toList());
            return;
        }
        if (metric.get().name().equals("sensitivity")) {
            report.error(metricValue.range(), Codes.EXPECT_SYNTAX, "sensitivity is a table (each layer pruned alone), not a figure an expect can bound");
            return;
        }
        int i = 1;
        boolean drop = i < v.size() && v.get(i).kind() == TokenKind.NAME && v.get(i).text().equals("drop");
        if (drop) i++;
        if (i >= v.size()) {
            report.error(v.get(v.size() - 1).range(), Codes.EXPECT_SYNTAX, "expect needs an operator (<=, <, >=, >) and a value: " + FORM);
            return;
        }
        Value op = v.get(i);
        if (op.kind() != TokenKind.OP || !C.operators().contains(op.text())) {
            String message = op.kind() == TokenKind.OP ? "operator '" + op.text() + "' is not allowed; use <=, <, >= or >"
                    : "expected an operator (<=, <, >=, >) or 'drop', found '" + op.text() + "'";
            report.error(op.range(), Codes.EXPECT_SYNTAX, message, op.text().startsWith(">") ? ">=" : "<=");
            return;
        }
        if (i + 1 >= v.size()) {
            report.error(op.range(), Codes.EXPECT_SYNTAX, "expect needs a value after '" + op.text() + "': " + FORM);
            return;
        }
        Value bound = v.get(i + 1);
        if (i + 2 < v.size()) {
            report.error(v.get(i + 2).range(), Codes.TOO_MANY_VALUES, "unexpected '" + v.get(i + 2).text() + "' after the value");
        }
        if (bound.kind() != TokenKind.NUMBER) {
            report.error(bound.range(), Codes.EXPECT_SYNTAX, "expected a number with a unit after '" + op.text() + "'");
            return;
        }
        Optional<Quantity> parsed = Quantity.parse(bound.text());
        if (parsed.isEmpty()) {
            report.error(bound.range(), Codes.WRONG_TYPE, "'" + bound.text() + "' is not a number");
            return;
        }
        Quantity q = parsed.get();
        if (!values.knownUnit(bound, q)) return;
        if (!unitFits(metric.get(), drop, q, bound)) return;
        if (q.value() < 0) {
            report.error(bound.range(), Codes.OUT_OF_RANGE, "expect bounds are not negative");
        } else if (q.isPercent() && q.value() > 100 && (drop || metric.get().unitKind() == UnitKind.PERCENT)) {
            report.error(bound.range(), Codes.OUT_OF_RANGE, metric.get().name() + " is at most 100%");
        }
        if (!measures.isEmpty() && !measures.contains(metric.get().name())) {
            report.info(metricValue.range(), Codes.EXPECT_NOT_MEASURED, "'" + metric.get().name()
                    + "' is not in 'measure'; it is measured for this expect anyway");
        }
    }

    private boolean unitFits(MetricInfo m, boolean drop, Quantity q, Value bound) {
        UnitKind kind = q.kind().orElse(UnitKind.NONE);
        UnitKind mk = m.unitKind();
        boolean ok;
        if (kind == UnitKind.PERCENT) {
            ok = drop || m.relative() || mk == UnitKind.PERCENT;
        } else if (kind == UnitKind.NONE) {
            ok = mk == UnitKind.NONE || mk == UnitKind.COUNT || mk == UnitKind.RATIO || mk == UnitKind.THROUGHPUT
                    || mk == UnitKind.PERCENT;
            if (ok && mk == UnitKind.PERCENT && !drop) {
                if (q.value() > 1) {
                    report.error(bound.range(), Codes.WRONG_UNIT, m.name() + " is a percentage; write " + bound.text() + "%", bound.text() + "%");
                    return false;
                }
                String pct = ValueChecker.trimNumber(q.value() * 100) + "%";
                report.info(bound.range(), Codes.RATIO_AS_FRACTION, "write " + m.name() + " as a percentage: " + pct, pct);
            } else if (ok && mk == UnitKind.PERCENT && drop) {
                ok = false;
            }
        } else {
            ok = kind == mk;
        }
        if (ok) return true;
        List<String> symbols = C.units(mk).stream().map(Unit::symbol).toList();
        String number = ValueChecker.trimNumber(q.value());
        String example = mk == UnitKind.NONE || mk == UnitKind.COUNT ? number : number + (symbols.isEmpty() ? "" : symbols.get(0));
        String why = kind == UnitKind.PERCENT
                ? "; '%' is relative to the baseline only for flops, params and memory, or with 'drop'"
                : "";
        String expected = mk == UnitKind.NONE ? "a plain number" : mk.doc();
        report.error(bound.range(), Codes.WRONG_UNIT, (drop ? m.name() + " drop" : m.name()) + " expects " + expected
                + ", not " + (kind == UnitKind.NONE ? "a bare number" : kind.label()) + why,
                mk == UnitKind.TIME ? List.of(number + "ms") : List.of(example));
        return false;
    }
}
