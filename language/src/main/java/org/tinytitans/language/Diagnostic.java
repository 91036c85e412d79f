package org.tinytitans.language;

import java.util.List;
import org.tinytitans.language.ast.Range;

/**
 * One finding about a spec. {@code code} is a stable kebab-case id from {@link Codes};
 * {@code suggestions} are replacement texts for the diagnostic's range (quick fixes), best first.
 */
public record Diagnostic(Range range, Severity severity, String code, String message, List<String> suggestions) {
    public Diagnostic {
        suggestions = List.copyOf(suggestions);
    }

    public static Diagnostic error(Range range, String code, String message) {
        return new Diagnostic(range, Severity.ERROR, code, message, List.of());
    }

    @Override
    public String toString() {
        return range + " " + severity.name().toLowerCase() + " [" + code + "] " + message;
    }
}
