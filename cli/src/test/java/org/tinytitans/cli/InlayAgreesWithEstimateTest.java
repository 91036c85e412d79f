package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.server.TitansLanguageClient;
import org.tinytitans.server.TitansLanguageServer;
import org.tinytitans.server.TitansServerLauncher;
import org.tinytitans.server.jobs.JobStatus;

/**
 * What the editor estimates is what the CLI prints: every sample is opened in the real language server (JSON-RPC
 * over in-memory pipes) and each inlay estimate is compared with {@code titans-cli estimate --json} of the same
 * run. A block's hint is the run's figures after that block, so blocks before the last compare with the estimate
 * of the spec cut after them.
 */
class InlayAgreesWithEstimateTest {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    // estimate --json's field names, in one place
    static final String ID = "id", ERROR = "error", BASELINE = "baseline", LOW = "pruned", EXACT = "exact",
            NONZERO = "nonzero_params", PARAMS = "params", FLOPS = "flops";

    static TitansLanguageServer server;
    static LanguageServer remote;
    static OutputStream toServer, toClient;
    static int opened;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        toServer = Channels.newOutputStream(up.sink());
        toClient = Channels.newOutputStream(down.sink());
        InputStream serverIn = Channels.newInputStream(up.source());
        InputStream clientIn = Channels.newInputStream(down.source());
        server = new TitansLanguageServer();
        TitansServerLauncher.launch(server, serverIn, toClient);
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new QuietClient(), clientIn, toServer);
        launcher.startListening();
        remote = launcher.getRemoteProxy();
        InitializeParams p = new InitializeParams();
        p.setCapabilities(new ClientCapabilities());
        remote.initialize(p).get(60, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
    }

    @AfterAll
    static void stop() throws IOException {
        server.shutdown();
        toServer.close();
        toClient.close();
    }

    @Test
    void everySamplesInlayEstimatesAreWhatEstimateJsonPrints() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            samples = s.filter(f -> f.toString().endsWith(".prune")).sorted().toList();
        }
        assertTrue(samples.size() >= 5, samples.toString());
        int compared = 0;
        for (Path sample : samples) {
            compared += agree(sample, Files.readString(sample));
        }
        assertTrue(compared >= 11, "quickstart, resnet56-cifar10 and the nine sweep points have estimates: " + compared);
    }

    /** The editor's chain-and-classes case: two blocks, the second applied to what the first left, 100 classes. */
    @Test
    void chainedBlocksAndClassesAgree() throws Exception {
        String first = "experiment chain {\n  model resnet20 { classes 100 }\n  prune filters {\n    criterion l1\n    ratio 30%\n  }\n";
        String both = first + "  prune layers {\n    criterion l1\n    count 1\n  }\n}\n";
        assertEquals(1, agree(Files.writeString(dir.resolve("chain.prune"), both), both), "one run, compared at its last block");
        // the first block's hint is the estimate of the spec cut after it
        Map<Integer, String> hints = hints(dir.resolve("chain.prune"), both);
        JsonObject cut = estimates(Files.writeString(dir.resolve("first.prune"), first + "}\n")).get(0).getAsJsonObject();
        assertEquals(hintFor(cut), hints.get(4), "first block");
        JsonObject whole = estimates(dir.resolve("chain.prune")).get(0).getAsJsonObject();
        assertEquals(hintFor(whole), hints.get(8), "second block: after both, as the CLI chains them");
        assertFalse(hintFor(whole).equals(hintFor(cut)));
        assertTrue(hints.get(1).contains("params " + Figures.count(whole.getAsJsonObject(BASELINE).get(PARAMS).getAsLong())),
                "the model line honours classes 100: " + hints.get(1));
    }

    /** Compares every estimate hint of one spec with estimate --json; returns how many runs were compared. */
    int agree(Path file, String text) throws Exception {
        Map<Integer, String> hints = hints(file, text);
        Map<String, ExperimentRun> runs = new HashMap<>();
        Experiments.resolve(SpecDocument.parse(text)).forEach(r -> runs.put(r.id(), r));
        int compared = 0;
        for (JsonElement e : estimates(file)) {
            JsonObject o = e.getAsJsonObject();
            ExperimentRun run = runs.get(o.get(ID).getAsString());
            if (run.prunes().isEmpty()) continue;
            var block = run.prunes().get(run.prunes().size() - 1).range();
            List<String> inBlock = new ArrayList<>();
            for (int line = block.start().line(); line <= block.end().line(); line++) {
                if (hints.containsKey(line)) inBlock.add(hints.get(line));
            }
            if (o.has(ERROR)) {
                assertEquals(List.of(), inBlock, file.getFileName() + " " + run.id() + ": the CLI has no estimate (" + o.get(ERROR) + ")");
                continue;
            }
            assertEquals(1, inBlock.size(), file.getFileName() + " " + run.id() + ": one hint in its last prune block: " + hints);
            String hint = inBlock.get(0);
            String ratio = run.variant().get("ratio");
            if (ratio != null && !hint.equals(hintFor(o))) {
                // a sweep over the ratio: one figure per ratio
                assertTrue(hint.contains(ratio + ": " + flopsReduction(o) + " FLOPs"), file.getFileName() + " " + run.id()
                        + ": expected " + ratio + ": " + flopsReduction(o) + " FLOPs in " + hint);
            } else {
                assertEquals(hintFor(o), hint, file.getFileName() + " " + run.id());
            }
            compared++;
        }
        return compared;
    }

    /** The inlay label of a run's figures, as the CLI gives them (the server's short form). */
    static String hintFor(JsonObject o) {
        JsonObject base = o.getAsJsonObject(BASELINE);
        JsonObject low = o.getAsJsonObject(LOW);
        long nonzero = low.get(NONZERO).getAsLong();
        double params = 1.0 - (double) nonzero / base.get(PARAMS).getAsLong();
        return (o.get(EXACT).getAsBoolean() ? "" : "~") + flopsReduction(o) + " FLOPs (" + Figures.count(low.get(FLOPS).getAsLong())
                + "), " + Figures.relative(-(params)) + " params (" + Figures.count(nonzero) + ")";
    }

    static String flopsReduction(JsonObject o) {
        return Figures.relative(-(1.0 - o.getAsJsonObject(LOW).get(FLOPS).getAsDouble() / o.getAsJsonObject(BASELINE).get(FLOPS).getAsDouble()));
    }

    static JsonArray estimates(Path file) {
        CliRun run = CliRun.of("estimate", "--json", file.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("experiments");
    }

    /** The server's inlay hints of a freshly opened document, by line, without the padding. */
    static Map<Integer, String> hints(Path file, String text) throws Exception {
        String uri = file.toUri() + "?v=" + (++opened);
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "prune", 1, text)));
        int lines = (int) text.lines().count() + 1;
        List<InlayHint> got = remote.getTextDocumentService().inlayHint(new InlayHintParams(new TextDocumentIdentifier(uri),
                new Range(new Position(0, 0), new Position(lines, 0)))).get(60, TimeUnit.SECONDS);
        Map<Integer, String> out = new HashMap<>();
        for (InlayHint h : got) out.merge(h.getPosition().getLine(), h.getLabel().getLeft().trim(), (a, b) -> a + " | " + b);
        return out;
    }

    /** A client that accepts what the server sends and answers nothing. */
    static final class QuietClient implements TitansLanguageClient {
        @Override
        public void jobStatus(JobStatus status) {}

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }
}
