package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.language.SpecAssert.assertDiagnostic;
import static org.tinytitans.language.SpecAssert.assertOnly;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.ast.Position;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Value;

class ParserTest {
    static final String EXAMPLE = """
            # Tutorial part 2
            experiment resnet56_l1 {
              model resnet56 {
                weights "models/ResNet56++.h5"     # Keras H5
              }
              dataset cifar10 {
                path "data/cifar-10-batches-bin"
                samples 5000
              }
              prune filters {
                criterion l1
                ratio 50%
                scope per-layer
              }
              finetune {
                epochs 2
                lr 0.01
              }
              measure flops, params, memory, latency, accuracy, carbon
              latency {
                batch 1
                runs 50
              }
              energy {
                region BRA                         # or: intensity 0.432kg/kWh
                pue 1.2
              }
              target cpu
              expect flops <= 55%
              expect accuracy drop <= 2%
            }
            """;

    @Test
    void theReferenceExampleParsesWithoutDiagnostics() {
        SpecDocument doc = SpecDocument.parse(EXAMPLE);
        assertEquals(List.of(), doc.syntaxDiagnostics());
        Statement e = doc.root().experiments().get(0);
        assertEquals("resnet56_l1", e.argument().orElseThrow().text());
        assertEquals(List.of("model", "dataset", "prune", "finetune", "measure", "latency", "energy", "target", "expect", "expect"),
                e.children().stream().map(Statement::name).toList());
        Statement measure = e.children().get(4);
        assertEquals(6, measure.values().size());
        assertTrue(measure.values().get(1).afterComma());
        Statement expect = e.children().get(9);
        assertEquals(List.of("accuracy", "drop", "<=", "2%"), expect.values().stream().map(Value::text).toList());
    }

    @Test
    void rangesAreExact() {
        SpecDocument doc = SpecDocument.parse("experiment a {\n  prune filters { ratio 50% }\n}");
        Statement prune = doc.root().experiments().get(0).children().get(0);
        assertEquals(new Position(1, 2, 17), prune.keyword().range().start());
        Value ratio = prune.children().get(0).values().get(0);
        assertEquals(new Position(1, 24, 39), ratio.range().start());
        assertEquals(new Position(1, 27, 42), ratio.range().end());
        assertEquals(new Position(1, 29, 44), prune.range().end());
        assertEquals(42, doc.offsetAt(1, 27));
        assertEquals(doc.text().length(), doc.offsetAt(99, 0));
    }

    @Test
    void lexesQuantitiesPatternsStringsAndComments() {
        SpecDocument doc = SpecDocument.parse("a 0.432kg/kWh 2:4 \"x\\\"y\" 1e-4 -3 // c\nb 250W # d");
        List<Token> t = doc.tokens().stream().filter(x -> x.kind() != TokenKind.NEWLINE).toList();
        assertEquals(List.of(TokenKind.NAME, TokenKind.NUMBER, TokenKind.PATTERN, TokenKind.STRING, TokenKind.NUMBER,
                TokenKind.NUMBER, TokenKind.COMMENT, TokenKind.NAME, TokenKind.NUMBER, TokenKind.COMMENT, TokenKind.EOF),
                t.stream().map(Token::kind).toList());
        assertEquals("x\"y", t.get(3).value());
        assertEquals("0.432kg/kWh", t.get(1).text());
    }

    @Test
    void semicolonsSeparateStatementsAndBracesAreOptional() {
        SpecDocument doc = SpecDocument.parse("experiment a { model resnet20; prune layers { count 2; criterion l1 } }");
        assertEquals(List.of(), doc.syntaxDiagnostics());
        Statement e = doc.root().experiments().get(0);
        assertEquals(2, e.children().size());
        assertFalse(e.children().get(0).hasBody());
        assertEquals(2, e.children().get(1).children().size());
    }

    @Test
    void aTrailingCommaContinuesOnTheNextLine() {
        SpecDocument doc = SpecDocument.parse("measure flops,\n  params,\n  latency\n");
        assertEquals(List.of(), doc.syntaxDiagnostics());
        assertEquals(3, doc.root().statements().get(0).values().size());
    }

    @Test
    void unterminatedStringIsOneDiagnostic() {
        assertOnly("experiment a { model resnet20 { weights |\"abc\n }\n prune filters { criterion l1; ratio 50% } }", "unterminated-string");
    }

    @Test
    void missingBraceIsReportedOnceAtTheInnermostOpenBrace() {
        String text = "experiment a {\n  model resnet20\n  prune filters |{\n    ratio 50%\n";
        Diagnostic d = assertDiagnostic(text, "missing-brace");
        assertEquals(1, SpecDocument.parse(text.replace("|", "")).syntaxDiagnostics().size(), d.toString());
    }

    @Test
    void aMissingBraceDoesNotSwallowTheNextExperiment() {
        SpecDocument doc = SpecDocument.parse("experiment a {\n  prune filters {\n    ratio 50%\n}\nexperiment b {\n  model resnet20\n}\n");
        assertEquals(2, doc.root().experiments().size());
        assertEquals(1, doc.syntaxDiagnostics().size());
        assertEquals("missing-brace", doc.syntaxDiagnostics().get(0).code());
    }

    @Test
    void strayClosingBraceIsOneDiagnostic() {
        assertDiagnostic("experiment a { model resnet20 }\n|}\n", "unexpected-token");
        assertEquals(1, SpecDocument.parse("experiment a { model resnet20 }\n}\n").syntaxDiagnostics().size());
    }

    @Test
    void garbageOnALineGivesOneDiagnosticAndTheRestStillParses() {
        String text = "experiment a {\n  model resnet20\n  ratio @@@ 50%\n  prune filters { ratio 50% }\n}\n";
        SpecDocument doc = SpecDocument.parse(text);
        assertEquals(1, doc.syntaxDiagnostics().size(), doc.syntaxDiagnostics().toString());
        assertEquals("invalid-character", doc.syntaxDiagnostics().get(0).code());
        assertEquals(List.of("model", "ratio", "prune"),
                doc.root().experiments().get(0).children().stream().map(Statement::name).toList());
    }

    @Test
    void aLineStartingWithANumberIsUnexpected() {
        assertDiagnostic("experiment a {\n  |50% ratio\n}", "unexpected-token");
    }

    @Test
    void danglingCommaIsASyntaxError() {
        assertDiagnostic("measure flops|,", "syntax-error");
        assertDiagnostic("measure |, flops", "syntax-error");
    }

    @Test
    void truncatedFilesParse() {
        for (String t : List.of("", "experiment", "experiment a {", "experiment a { prune", "experiment a { prune filters { ratio 5",
                "experiment a { expect accuracy drop <", "\"", "{", "}")) {
            SpecDocument doc = SpecDocument.parse(t);
            assertTrue(doc.syntaxDiagnostics().size() <= 1, t + " -> " + doc.syntaxDiagnostics());
        }
        assertNull(SpecDocument.parse("experiment a {").root().experiments().get(0).body().close());
    }
}
