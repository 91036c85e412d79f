package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random edits to specs (insertions and deletions across block boundaries, unbalanced braces, strings and
 * comments cut open, edits to the defaults, lines joined and split) applied to an {@link IncrementalDocument}:
 * after every edit its document and diagnostics must equal a parse and check of the whole text from scratch.
 */
class IncrementalDocumentTest {
    /** What edits insert: whole statements, block edges, and the characters that change how a line lexes. */
    private static final String[] PIECES = {
        "{", "}", "{\n", "}\n", "\n", "\n\n", " ", ",", ",\n", ";", "\"", "\"x\"", "#", "# note\n", "// c ", "\\",
        "experiment e {\n", "experiment e2 { model resnet20 }\n", "experiment ", "experiment x {\n  model resnet56\n}\n",
        "model resnet56\n", "model vgg16-cifar { classes 100 }\n", "dataset cifar10 { classes 7 }\n", "dataset mnist\n",
        "prune filters { criterion taylor; ratio 30% }\n", "prune filters {\n  criterion l3\n}\n", "measure flops\n",
        "measure accuracy, flops\n", "finetune { epochs 1, 2 }\n", "latency { batch 1 }\n", "expect accuracy drop <= 2%\n",
        "expect latency <= 5\n", "target cpu\n", "ratio 50%", "ratio 30%, 50%", "criterion kl-divergence", "weights \"w.tt\"",
        "weights \"missing.tt\"", "path \"data\"", "seed 1\n", "seed 2\n", "model", "dataset", "prune", "50%", "0.5", "@", "\r\n",
        "é", "\t", "experiment e {\n  model resnet56\n  model resnet20\n}\n",
        "finetune { epochs 1, 2, 3, 4, 5, 6, 7, 8; lr 0.1, 0.01, 0.001, 0.2 }\n", // with a 9-point sweep: over the limit
    };

    private static final String BASE = """
            # defaults
            model resnet56 {
              weights "w.tt"
            }
            dataset cifar10 {
              path "data"
            }
            measure flops, accuracy

            experiment a {
              prune filters {
                criterion l1, l2, random
                ratio 10%, 30%, 50%
              }
            }

            experiment b {
              model resnet20
              dataset synthetic { samples 10 }
              prune filters { criterion rank; ratio 30%, 50% }
              finetune { epochs 1 }
              expect accuracy drop <= 2%
            }
            experiment c { prune weights { pattern 2:4 } }; experiment d {
              model mnist-cnn
              prune filters { criterion taylor }
              prune filters { criterion l1; count 2 }
              measure latency
              expect flops <= 50%
            }
            latency { batch 1; runs 5 }
            experiment a {
              dataset cifar10 { classes 7 }
              prune filters {
                criterion kl-divergence,
                  l1
                ratio 20%
              }
            }
            """;

    @TempDir
    Path folder;

    @Test
    void randomEditsGiveWhatAWholeParseGives() throws IOException {
        Files.writeString(folder.resolve("w.tt"), "x");
        Files.createDirectories(folder.resolve("data"));
        List<String> seeds = new ArrayList<>(List.of(BASE, BASE.replace("\n", "\r\n"), ParserTest.EXAMPLE, "", "experiment a {\n"));
        for (Path p : SamplesTest.samples()) seeds.add(Files.readString(p));
        // -Dincremental.seed and -Dincremental.runs make a longer soak by hand; CI runs the fixed seed
        Random r = new Random(Long.getLong("incremental.seed", 20261203L));
        int runs = Integer.getInteger("incremental.runs", 300);
        for (int run = 0; run < runs; run++) {
            String text = seeds.get(run % seeds.size());
            IncrementalDocument live = IncrementalDocument.of(text);
            IncrementalDocument older = live;
            compare(live, r);
            for (int step = 0; step < 40; step++) {
                // now and then an edit branches from an older snapshot: snapshots share pieces and their caches
                IncrementalDocument from = r.nextInt(10) == 0 ? older : live;
                if (r.nextInt(5) == 0) older = live;
                String next = edit(from.text(), r);
                IncrementalDocument edited = r.nextBoolean() ? from.edit(next) : from.edit(next, r.nextInt(samePrefix(from.text(), next) + 1),
                        r.nextInt(sameSuffix(from.text(), next) + 1)); // an editor's bounds: at most what is unchanged
                compare(edited, r);
                live = edited;
            }
        }
    }

    /** The document and the diagnostics (with and without the folder) equal the whole text's, in a random order of asking. */
    private void compare(IncrementalDocument live, Random r) {
        String text = live.text();
        try {
            SpecDocument whole = SpecDocument.parse(text);
            if (r.nextBoolean()) assertSameDocument(whole, live.document());
            assertSameList(Checker.check(whole, folder), live.diagnostics(folder), "diagnostics");
            assertSameList(Checker.check(whole), live.diagnostics(null), "diagnostics without files");
            assertSameDocument(whole, live.document());
        } catch (Throwable t) {
            throw new AssertionError("incremental result differs for:\n" + text.replace("\r", "\\r") + "\n" + t, t);
        }
    }

    static void assertSameDocument(SpecDocument expected, SpecDocument actual) {
        assertEquals(expected.text(), actual.text());
        assertSameList(expected.tokens(), actual.tokens(), "tokens");
        assertSameList(expected.root().statements(), actual.root().statements(), "statements");
        assertEquals(expected.root(), actual.root());
        assertSameList(expected.syntaxDiagnostics(), actual.syntaxDiagnostics(), "syntax diagnostics");
        assertEquals(expected.lineCount(), actual.lineCount());
        assertEquals(expected.positionAt(expected.text().length() / 2), actual.positionAt(expected.text().length() / 2));
    }

    private static int samePrefix(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) n++;
        return n;
    }

    private static int sameSuffix(String a, String b) {
        int n = 0, max = Math.min(a.length(), b.length()) - samePrefix(a, b);
        while (n < max && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) n++;
        return n;
    }

    /** Equal lists; on a difference, names the first element that differs rather than printing both lists. */
    static void assertSameList(List<?> expected, List<?> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + " differ first at index " + i);
        }
        assertEquals(expected.size(), actual.size(), "number of " + what);
    }

    private static String edit(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int at = place(text, r);
        switch (r.nextInt(7)) {
            case 0, 1 -> sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
            case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(3)));           // a keystroke or three
            case 3 -> sb.delete(at, Math.min(sb.length(), at + r.nextInt(120)));              // across lines and blocks
            case 4 -> sb.replace(at, Math.min(sb.length(), at + r.nextInt(10)), PIECES[r.nextInt(PIECES.length)]);
            case 5 -> { // an edit to the defaults at the top
                int line = text.indexOf('\n');
                sb.insert(line < 0 ? 0 : line + 1, PIECES[r.nextInt(PIECES.length)]);
            }
            default -> { // move a stretch elsewhere (cut and paste)
                int end = Math.min(sb.length(), at + r.nextInt(80));
                String cut = sb.substring(at, end);
                sb.delete(at, end);
                sb.insert(r.nextInt(sb.length() + 1), cut);
            }
        }
        return sb.toString();
    }

    /** A random offset, often at a line start, a brace, a quote or a comment, where edits change the most. */
    private static int place(String text, Random r) {
        int at = r.nextInt(text.length() + 1);
        if (r.nextBoolean() || text.isEmpty()) return at;
        String marks = "\n{}\"#,";
        for (int i = at; i < text.length(); i++) {
            if (marks.indexOf(text.charAt(i)) >= 0) return r.nextBoolean() ? i : i + 1;
        }
        return at;
    }
}
