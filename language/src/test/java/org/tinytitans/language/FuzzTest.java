package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.resolve.Experiments;

/**
 * Seeded random and mutated specs: the parser, checker, formatter, outline, resolver, completion
 * and hover never throw; diagnostics lie inside the document; formatting is idempotent and keeps comments
 * and every significant token.
 */
class FuzzTest {
    private static final String[] PIECES = {
        "experiment", "model", "dataset", "prune", "filters", "layers", "weights", "neurons", "heads", "criterion",
        "ratio", "count", "pattern", "finetune", "epochs", "lr", "measure", "expect", "drop", "latency", "energy",
        "target", "ssh", "slurm", "gpu", "region", "BRA", "resnet56", "cifar10", "l1", "rank", "wanda", "flops",
        "accuracy", "e", "{", "}", "{", "}", ",", ";", "\n", "\n", "\n", " ", " ", "  ", "\t", "50%", "0.5", "5ms",
        "2:4", "1e-4", "-3", "150%", "0.432kg/kWh", "16GB", "\"x\"", "\"", "\\", "#c", "// d", "<=", ">=", "<", "==", "!",
        "@", "$", "é", "\r\n", "\uD83D\uDE00", ".", ":", "-", "/", "5", "x"
    };

    private static String randomSpec(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
            if (r.nextInt(3) > 0) sb.append(' ');
        }
        return sb.toString();
    }

    private static String mutate(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(8)));
                case 1 -> sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
                case 2 -> sb.setLength(at);
                default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + r.nextInt(30))));
            }
        }
        return sb.toString();
    }

    @Test
    void neverThrowsAndKeepsItsPromises() {
        Random r = new Random(20261128L);
        List<String> seeds = List.of(ParserTest.EXAMPLE, ParserTest.EXAMPLE.replace("\n", "\r\n"),
                "model resnet56\nexperiment a { prune filters { criterion l1, rank; ratio 30%, 50% } }\n");
        for (int i = 0; i < 4000; i++) {
            String text = i % 2 == 0 ? randomSpec(r) : mutate(seeds.get(r.nextInt(seeds.size())), r);
            verify(text, r);
        }
    }

    @Test
    void pathologicalInputs() {
        Random r = new Random(1);
        verify("{".repeat(5000), r);
        verify("experiment a {".repeat(2000), r);
        verify("}".repeat(3000), r);
        verify("\"".repeat(1001), r);
        verify("a ".repeat(5000) + ",", r);
        verify("prune filters { criterion " + "l1, ".repeat(300) + "l2; ratio " + "1%, ".repeat(300) + "2% }", r);
    }

    private static void verify(String text, Random r) {
        try {
            SpecDocument doc = SpecDocument.parse(text);
            List<Diagnostic> ds = Checker.check(doc);
            for (Diagnostic d : ds) {
                int s = d.range().start().offset();
                int e = d.range().end().offset();
                assertTrue(0 <= s && s <= e && e <= text.length(), d.toString());
                assertEquals(doc.positionAt(s), d.range().start());
                assertTrue(Codes.all().containsKey(d.code()), d.code());
            }
            String once = Formatter.format(text);
            assertEquals(once, Formatter.format(once), "formatting is not idempotent");
            assertEquals(comments(text), comments(once), "formatting lost a comment");
            assertEquals(significant(text), significant(once), "formatting changed the tokens");
            Outline.of(doc);
            Experiments.resolve(doc);
            for (int k = 0; k < 5; k++) {
                int at = r.nextInt(text.length() + 1);
                Expectation e = doc.expectedAt(at);
                assertTrue(e.replaceRange().start().offset() <= at && at <= e.replaceRange().end().offset() || e.kind() == Expectation.Kind.NONE);
            }
            Formatter.formatRange(doc, doc.rangeOf(0, text.length() / 2));
        } catch (Throwable t) {
            throw new AssertionError("failed on input: " + escape(text) + "\n" + t, t);
        }
    }

    private static List<String> comments(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : SpecDocument.parse(text).tokens()) if (t.kind() == TokenKind.COMMENT) out.add(t.text().strip());
        return out;
    }

    private static List<String> significant(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : SpecDocument.parse(text).tokens()) {
            if (t.kind() != TokenKind.NEWLINE && t.kind() != TokenKind.EOF) out.add(t.kind() + ":" + t.text().strip());
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\"", "\\\"");
    }
}
