package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Codes;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.catalog.ValueType;

/**
 * Quick fixes for the checker's findings: its suggestions ("did you mean", `0.5` as `50%`), clamping a value
 * into its range, and adding the dataset a data-driven criterion needs. Suggestions are looked up again from
 * the checker rather than trusted from the client's copy of the diagnostic.
 */
public final class CodeActions {
    private CodeActions() {}

    public static List<CodeAction> actions(SpecDocument doc, String uri, List<Diagnostic> context) {
        return actions(doc, Checker.check(doc), uri, context);
    }

    /** As above with the checker's findings for doc already made (the server keeps them per version). */
    public static List<CodeAction> actions(SpecDocument doc, List<org.tinytitans.language.Diagnostic> findings, String uri, List<Diagnostic> context) {
        List<CodeAction> out = new ArrayList<>();
        for (Diagnostic d : context) {
            if (!Diagnostics.SOURCE.equals(d.getSource()) || d.getCode() == null) continue;
            String code = d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
            Optional<org.tinytitans.language.Diagnostic> finding = findings.stream()
                    .filter(f -> f.code().equals(code) && Ranges.lsp(f.range()).equals(d.getRange())).findFirst();
            List<String> suggestions = finding.map(org.tinytitans.language.Diagnostic::suggestions).orElse(List.of());
            for (int i = 0; i < suggestions.size(); i++) {
                out.add(fix(title(code, suggestions.get(i)), uri, d, new TextEdit(d.getRange(), suggestions.get(i)), i == 0));
            }
            if (code.equals(Codes.OUT_OF_RANGE) && suggestions.isEmpty()) clamp(doc, uri, d).ifPresent(out::add);
            if (code.equals(Codes.MISSING_DATASET)) addDataset(doc, uri, d).ifPresent(out::add);
        }
        return out;
    }

    private static String title(String code, String suggestion) {
        if (code.equals(Codes.RATIO_AS_FRACTION)) return "Write as " + suggestion;
        if (code.startsWith("unknown-") || code.equals(Codes.CRITERION_GRANULARITY)) return "Did you mean '" + suggestion + "'?";
        return "Change to " + suggestion;
    }

    private static Optional<CodeAction> clamp(SpecDocument doc, String uri, Diagnostic d) {
        int offset = doc.offsetAt(d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter());
        List<Statement> path = doc.statementsAt(offset);
        if (path.size() < 2) return Optional.empty();
        Statement stmt = path.get(path.size() - 1);
        Optional<PropertyInfo> p = Catalog.get().property(path.get(path.size() - 2).name(), stmt.name());
        Token token = doc.tokenAt(offset);
        if (p.isEmpty() || token == null) return Optional.empty();
        Optional<Double> value = org.tinytitans.language.catalog.Quantity.parse(token.text()).map(q -> q.base());
        if (value.isEmpty()) return Optional.empty();
        PropertyInfo info = p.get();
        Double bound = info.max() != null && value.get() > info.max() ? info.max() : info.min() != null && value.get() < info.min() ? info.min() : null;
        if (bound == null) return Optional.empty();
        String text = info.type() == ValueType.FRACTION ? trim(bound * 100) + "%" : trim(bound);
        return Optional.of(fix("Clamp to " + text, uri, d, new TextEdit(d.getRange(), text), true));
    }

    private static Optional<CodeAction> addDataset(SpecDocument doc, String uri, Diagnostic d) {
        int offset = doc.offsetAt(d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter());
        Optional<Statement> experiment = SpecQueries.experimentAt(doc, offset);
        String dataset = SpecQueries.modelAt(doc, offset).flatMap(m -> Catalog.get().model(m))
                .map(m -> m.defaultDataset()).orElse("cifar10");
        if (Catalog.get().dataset(dataset).isEmpty()) dataset = "cifar10";
        // after the model line when there is one, else first in the experiment
        List<Statement> siblings = experiment.map(Statement::children).orElse(doc.root().statements());
        Optional<Statement> model = siblings.stream().filter(s -> s.name().equals("model")).findFirst();
        int line;
        String indent;
        if (model.isPresent()) {
            line = model.get().range().end().line() + 1;
            indent = " ".repeat(model.get().range().start().column());
        } else if (experiment.isPresent() && experiment.get().hasBody()) {
            line = experiment.get().body().open().range().end().line() + 1;
            indent = " ".repeat(experiment.get().range().start().column() + 2);
        } else {
            line = 0;
            indent = "";
        }
        Position at = new Position(line, 0);
        String text = indent + "dataset " + dataset + "\n";
        return Optional.of(fix("Add 'dataset " + dataset + "'", uri, d, new TextEdit(new Range(at, at), text), true));
    }

    private static CodeAction fix(String title, String uri, Diagnostic d, TextEdit edit, boolean preferred) {
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        a.setDiagnostics(List.of(d));
        a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
        a.setIsPreferred(preferred);
        return a;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(Math.round(v * 1e6) / 1e6);
    }
}
