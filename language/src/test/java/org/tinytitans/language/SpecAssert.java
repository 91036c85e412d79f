package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions over spec text; '|' marks the expected start of a diagnostic or the caret. */
final class SpecAssert {
    private SpecAssert() {}

    static List<Diagnostic> check(String text) {
        return Checker.check(SpecDocument.parse(text));
    }

    static String show(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    /** A diagnostic with this code starts exactly at '|'; returns it. */
    static Diagnostic assertDiagnostic(String marked, String code) {
        return assertDiagnostic(marked, code, null);
    }

    /** As above, with the spec's files looked up in baseDir (null: not looked up). */
    static Diagnostic assertDiagnostic(String marked, String code, java.nio.file.Path baseDir) {
        int caret = marked.indexOf('|');
        assertTrue(caret >= 0, "no '|' in " + marked);
        String text = marked.substring(0, caret) + marked.substring(caret + 1);
        List<Diagnostic> ds = Checker.check(SpecDocument.parse(text), baseDir);
        for (Diagnostic d : ds) {
            if (d.code().equals(code) && d.range().start().offset() == caret) return d;
        }
        return fail("expected [" + code + "] at offset " + caret + " in:\n" + text + "\ngot:" + show(ds));
    }

    /** Exactly one error or warning, with this code at '|'. */
    static Diagnostic assertOnly(String marked, String code) {
        Diagnostic d = assertDiagnostic(marked, code);
        String text = marked.replace("|", "");
        List<Diagnostic> serious = check(text).stream().filter(x -> x.severity() != Severity.INFO).toList();
        assertEquals(1, serious.size(), "expected only [" + code + "], got:" + show(serious));
        return d;
    }

    static void assertNoErrors(String text) {
        List<Diagnostic> errors = check(text).stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertTrue(errors.isEmpty(), "expected no errors in:\n" + text + "\ngot:" + show(errors));
    }

    static void assertNoDiagnostic(String text, String code) {
        List<Diagnostic> ds = check(text);
        assertTrue(ds.stream().noneMatch(d -> d.code().equals(code)), "unexpected [" + code + "]:" + show(ds));
    }

    /** A complete, valid experiment around some statements. */
    static String experiment(String body) {
        return "experiment e {\n  model resnet56\n  dataset cifar10\n" + body + "\n}\n";
    }
}
