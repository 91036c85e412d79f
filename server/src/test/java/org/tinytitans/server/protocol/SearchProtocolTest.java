package org.tinytitans.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.language.Formatter;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.jobs.FakeJob;

/**
 * The editor's side of a ratio search over real JSON-RPC, with a real job process (test resources
 * jobs/fake-search-job.sh) that speaks the search's events and writes its result.json in the design contract's shape.
 */
class SearchProtocolTest {
    static final String SPEC = """
            model mnist-cnn
            dataset mnist
            measure flops, accuracy

            experiment fit {
              prune filters {
                criterion l1
                ratio auto
              }
              prune layers {
                ratio auto
              }
              expect flops <= 50%
            }
            """;

    @TempDir
    Path dir;

    static JsonObject settings() throws URISyntaxException {
        JsonObject o = FakeJob.settings(false);
        JsonArray cmd = new JsonArray();
        cmd.add("bash");
        cmd.add(Path.of(SearchProtocolTest.class.getResource("/jobs/fake-search-job.sh").toURI()).toString());
        o.add("jobCommand", cmd);
        return o;
    }

    @Test
    void searchLensProgressFoundRatiosAndWritingThemBack() throws Exception {
        assertEquals(SPEC, Formatter.format(SPEC), "the spec is laid out as the Formatter would");
        Path spec = dir.resolve("fit.prune");
        Files.writeString(spec, SPEC);
        String uri = spec.toUri().toString();
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), settings(), null);
            c.open(uri, SPEC);
            var service = c.remote.getTextDocumentService();

            List<? extends CodeLens> lenses = service.codeLens(new CodeLensParams(id)).get(30, TimeUnit.SECONDS);
            List<Integer> searchLines = lenses.stream().filter(l -> l.getCommand().getCommand().equals("titans.searchRatios"))
                    .map(l -> l.getRange().getStart().getLine()).toList();
            assertEquals(List.of(5, 9), searchLines, "one lens on each `ratio auto` prune block");
            assertTrue(actions(c, id, 0, 14).isEmpty(), "nothing to write before a search ran");

            Object started = c.remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("titans.searchRatios", List.of(uri)))
                    .get(30, TimeUnit.SECONDS);
            assertEquals("started", started);
            FakeJob.await("the job to finish", () -> c.client.jobStatuses.stream().anyMatch(s -> !s.state().equals("running")));
            List<String> reports = new ArrayList<>();
            List<Integer> percents = new ArrayList<>();
            c.client.progress.stream().map(p -> p.getValue().getLeft()).filter(v -> v instanceof WorkDoneProgressReport)
                    .map(v -> (WorkDoneProgressReport) v).filter(r -> r.getMessage() != null && r.getMessage().contains("trial"))
                    .forEach(r -> {
                        reports.add(r.getMessage());
                        percents.add(r.getPercentage());
                    });
            assertEquals(List.of("fit: trial 1/3, no plan meets every budget yet", "fit: trial 2/3, best 97.8% at 49.6% FLOPs",
                    "fit: trial 3/3, best 97.8% at 49.6% FLOPs"), reports, "the best feasible trial, FLOPs as a share of the baseline's");
            assertEquals(List.of(33, 66, 100), percents);

            FakeJob.await("the found ratios as hints", () -> foundHints(c, id).size() == 2);
            List<InlayHint> found = foundHints(c, id);
            assertEquals(7, found.get(0).getPosition().getLine(), "beside the filters block's `ratio auto`");
            assertEquals("  found: conv1 30%, conv2 55%", found.get(0).getLabel().getLeft());
            assertEquals(10, found.get(1).getPosition().getLine());
            assertEquals("  found: count 2", found.get(1).getLabel().getLeft());

            List<CodeAction> one = actions(c, id, 6, 6);
            assertEquals(List.of("Write the found ratios into the spec (fit, prune filters)"), one.stream().map(CodeAction::getTitle).toList());
            String written = apply(SPEC, one.get(0).getEdit().getChanges().get(uri));
            assertEquals(SPEC.replace("    ratio auto\n  }\n  prune layers", "    layer \"conv1\" ratio 30%\n    layer \"conv2\" ratio 55%\n  }\n  prune layers"),
                    written);

            List<CodeAction> both = actions(c, id, 0, 14);
            assertEquals(2, both.size());
            List<TextEdit> edits = new ArrayList<>();
            both.forEach(a -> edits.addAll(a.getEdit().getChanges().get(uri)));
            String plain = apply(SPEC, edits);
            assertEquals("""
                    model mnist-cnn
                    dataset mnist
                    measure flops, accuracy

                    experiment fit {
                      prune filters {
                        criterion l1
                        layer "conv1" ratio 30%
                        layer "conv2" ratio 55%
                      }
                      prune layers {
                        count 2
                      }
                      expect flops <= 50%
                    }
                    """, plain);
            assertEquals(plain, Formatter.format(plain), "written as the Formatter lays it out");
            assertTrue(SpecDocument.parse(plain).syntaxDiagnostics().isEmpty(), "and it parses");
        }
    }

    static List<InlayHint> foundHints(Connection c, TextDocumentIdentifier id) {
        try {
            return c.remote.getTextDocumentService().inlayHint(new InlayHintParams(id, TitansAssert.r(0, 0, 14, 0)))
                    .get(30, TimeUnit.SECONDS).stream().filter(h -> h.getLabel().getLeft().contains("found:")).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<CodeAction> actions(Connection c, TextDocumentIdentifier id, int from, int to) throws Exception {
        return c.remote.getTextDocumentService().codeAction(new CodeActionParams(id, TitansAssert.r(from, 0, to, 0),
                new CodeActionContext(List.of()))).get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight())
                .filter(a -> a.getTitle().startsWith("Write the found ratios")).toList();
    }

    /** The text after the edits (non-overlapping, as LSP requires), applied from the last to the first. */
    static String apply(String text, List<TextEdit> edits) {
        SpecDocument doc = SpecDocument.parse(text);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> doc.offsetAt(e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter())).reversed());
        StringBuilder b = new StringBuilder(text);
        for (TextEdit e : sorted) {
            int start = doc.offsetAt(e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter());
            int end = doc.offsetAt(e.getRange().getEnd().getLine(), e.getRange().getEnd().getCharacter());
            b.replace(start, end, e.getNewText());
        }
        return b.toString();
    }
}
