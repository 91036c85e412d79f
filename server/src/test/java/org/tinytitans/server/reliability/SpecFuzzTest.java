package org.tinytitans.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.Formatter;
import org.tinytitans.language.Outline;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.services.Completions;
import org.tinytitans.server.services.Hover;
import org.tinytitans.server.settings.ClientSupport;

/**
 * The language module and the server's completion and hover, at volume: parser, checker, formatter, outline,
 * resolver, completion and hover on tens of thousands of generated and mutated documents, each within a time limit. Properties: no
 * exception, diagnostics inside the text and at the position their offset says, formatting idempotent.
 */
@Reliability
class SpecFuzzTest {
    static final int CASES = Integer.getInteger("titans.fuzz.specCases", 20_000);

    @Test
    void parserCheckerAndFormatterHoldOnGeneratedDocuments() throws Exception {
        SpecGenerator gen = new SpecGenerator(RequestFuzzTest.SEED + 1);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "spec-fuzz-case");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < CASES; i++) {
                String text = gen.next();
                int at = gen.random().nextInt(text.length() + 1);
                Future<?> one = runner.submit(() -> verify(text, at));
                try {
                    one.get(RequestFuzzTest.CASE_LIMIT_S, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    one.cancel(true);
                    throw new AssertionError("case " + i + " hung on:\n" + RequestFuzzTest.escape(text));
                } catch (ExecutionException e) {
                    throw new AssertionError("case " + i + " failed on:\n" + RequestFuzzTest.escape(text) + "\n" + e.getCause(), e.getCause());
                }
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.printf("spec fuzz: %d documents, 0 failures%n", CASES);
        Figures.record("spec fuzz: parse, check, format", CASES, 0, 0, 0);
    }

    static void verify(String text, int at) {
        SpecDocument doc = SpecDocument.parse(text);
        for (Diagnostic d : Checker.check(doc)) {
            int s = d.range().start().offset();
            int e = d.range().end().offset();
            if (s < 0 || s > e || e > text.length()) throw new AssertionError("diagnostic outside the text: " + d);
            assertEquals(doc.positionAt(s), d.range().start(), "diagnostic start position");
            assertEquals(doc.positionAt(e), d.range().end(), "diagnostic end position");
        }
        String once = Formatter.format(text);
        assertEquals(once, Formatter.format(once), "formatting is idempotent");
        Outline.of(doc);
        Experiments.resolve(doc);
        Completions.complete(doc, at, TitansAssert.ESTIMATES, ClientSupport.full(), "WORLD");
        var hover = Hover.hover(doc, at, TitansAssert.ESTIMATES, ClientSupport.full());
        if (hover != null) {
            var r = hover.getRange();
            int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
            if (r.getStart().getLine() < 0 || r.getEnd().getLine() >= lines) throw new AssertionError("hover range " + r);
        }
    }
}
