package org.tinytitans.language;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.language.ast.Body;
import org.tinytitans.language.ast.Position;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.Value;

/**
 * Moves parsed things by whole lines: offsets by {@code offset}, lines by {@code lines}. Columns stay, because a
 * piece of a document always starts at a line start ({@link IncrementalDocument}), so what it holds moves with
 * its lines unchanged.
 */
record Shift(int offset, int lines) {
    boolean none() {
        return offset == 0 && lines == 0;
    }

    Position apply(Position p) {
        return new Position(p.line() + lines, p.column(), p.offset() + offset);
    }

    Range apply(Range r) {
        return new Range(apply(r.start()), apply(r.end()));
    }

    Token apply(Token t) {
        return t == null ? null : new Token(t.kind(), t.text(), t.value(), apply(t.range()));
    }

    Diagnostic apply(Diagnostic d) {
        return none() ? d : new Diagnostic(apply(d.range()), d.severity(), d.code(), d.message(), d.suggestions());
    }

    Statement apply(Statement s) {
        List<Value> values = new ArrayList<>(s.values().size());
        for (Value v : s.values()) values.add(new Value(apply(v.token()), v.afterComma()));
        Body b = s.body();
        Body body = b == null ? null : new Body(apply(b.open()), statements(b.statements()), apply(b.close()));
        return new Statement(apply(s.keyword()), values, body, apply(s.range()));
    }

    List<Statement> statements(List<Statement> list) {
        if (none()) return list;
        List<Statement> out = new ArrayList<>(list.size());
        for (Statement s : list) out.add(apply(s));
        return out;
    }

    List<Token> tokens(List<Token> list) {
        if (none()) return list;
        List<Token> out = new ArrayList<>(list.size());
        for (Token t : list) out.add(apply(t));
        return out;
    }

    List<Diagnostic> diagnostics(List<Diagnostic> list) {
        if (none() || list.isEmpty()) return list;
        List<Diagnostic> out = new ArrayList<>(list.size());
        for (Diagnostic d : list) out.add(apply(d));
        return out;
    }
}
