package org.tinytitans.server;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHintCapabilities;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensCapabilities;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.tinytitans.server.estimates.EstimateService;

/**
 * A scripted editing session against a private server over real JSON-RPC (in-process pipes): open a synthetic
 * spec, complete, hover, edit, ask for hints, tokens, folds, symbols, lenses and actions, close. Two uses, one
 * script: warming the editor's hot paths in the background after {@code initialized} (classes loaded and
 * initialised, LSP4J's message adapters made, the JIT at work), so the user's first completion and hover are
 * not the cold ones; and, as {@link #main}, the training run that dumps the class-data archive
 * ({@link StartupArchive}). The private server publishes to this script's client only: nothing reaches the user.
 */
public final class Rehearsal {
    /** Lines per synthetic experiment; the document holds {@code lines / 20} of them. */
    private static final int EXPERIMENT_LINES = 20;
    private static final List<String> MODELS = List.of("resnet56", "resnet20", "vgg16-cifar", "mnist-cnn");
    private static final List<String> CRITERIA = List.of("l1", "l2", "taylor", "fpgm");
    private static final long WAIT_S = 60;

    private Rehearsal() {}

    /** The archive-training run: one full session, then exit (the JVM dumps its classes as it ends). */
    public static void main(String[] args) throws Exception {
        run(TitansLanguageServer.defaultEstimates(), 2, 2000);
        System.exit(0);
    }

    /**
     * Runs the session {@code rounds} times on a document of {@code lines} lines (a multiple of 20).
     * @param estimates the live server's, so the zoo graphs it builds stay cached for the user's documents
     */
    public static void run(EstimateService estimates, int rounds, int lines) throws Exception {
        TitansLanguageServer server = new TitansLanguageServer(estimates, code -> {});
        server.quiet();
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream toClient = new PipedOutputStream(clientIn);
        Future<Void> serving = TitansServerLauncher.connect(server, serverIn, toClient);
        ScriptClient client = new ScriptClient();
        Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>().setLocalService(client)
                .setRemoteInterface(LanguageServer.class).setInput(clientIn).setOutput(toServer)
                .setExecutorService(java.util.concurrent.Executors.newCachedThreadPool(TitansLanguageServer.daemon("titans-rehearsal")))
                .create();
        Future<Void> listening = launcher.startListening();
        LanguageServer remote = launcher.getRemoteProxy();
        try {
            InitializeParams init = new InitializeParams();
            init.setCapabilities(capabilities());
            init.setInitializationOptions(com.google.gson.JsonParser.parseString("{\"runOnSave\": false, \"debounceMs\": 0}"));
            remote.initialize(init).get(WAIT_S, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());
            for (int r = 0; r < rounds; r++) {
                session(remote, client, "untitled:titans-rehearsal-" + r + ".prune", lines);
            }
            remote.shutdown().get(WAIT_S, TimeUnit.SECONDS);
            remote.exit();
        } finally {
            toServer.close();
            toClient.close();
            serving.cancel(true);
            listening.cancel(true);
        }
    }

    private static void session(LanguageServer remote, ScriptClient client, String uri, int lines) throws Exception {
        var text = remote.getTextDocumentService();
        String spec = spec(lines);
        int version = 1;
        CompletableFuture<Void> checked = client.expect(uri, version);
        text.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "prune", version, spec)));
        checked.get(WAIT_S, TimeUnit.SECONDS);
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        int experiments = lines / EXPERIMENT_LINES;
        // every line of a few experiments spread over the document: keys, values, blocks, blanks
        for (int e : new int[] {0, experiments / 2, experiments - 1}) {
            for (int l = 0; l < EXPERIMENT_LINES; l++) {
                int line = e * EXPERIMENT_LINES + l;
                for (int col : new int[] {2, 4, 6, 12, 14}) {
                    Position p = new Position(line, col);
                    text.completion(new CompletionParams(id, p)).get(WAIT_S, TimeUnit.SECONDS);
                    text.hover(new HoverParams(id, p)).get(WAIT_S, TimeUnit.SECONDS);
                }
            }
            int top = e * EXPERIMENT_LINES;
            text.inlayHint(new InlayHintParams(id, new Range(new Position(top, 0), new Position(top + 60, 0)))).get(WAIT_S, TimeUnit.SECONDS);
            text.codeAction(new CodeActionParams(id, new Range(new Position(top + 7, 0), new Position(top + 7, 10)),
                    new CodeActionContext(List.of()))).get(WAIT_S, TimeUnit.SECONDS);
        }
        text.semanticTokensFull(new SemanticTokensParams(id)).get(WAIT_S, TimeUnit.SECONDS);
        text.foldingRange(new FoldingRangeRequestParams(id)).get(WAIT_S, TimeUnit.SECONDS);
        text.documentSymbol(new DocumentSymbolParams(id)).get(WAIT_S, TimeUnit.SECONDS);
        text.codeLens(new CodeLensParams(id)).get(WAIT_S, TimeUnit.SECONDS);
        // typing: a value changed in the middle (diagnostics awaited), a line break near the top, then completion below it
        int middle = experiments / 2 * EXPERIMENT_LINES + 7;
        for (int i = 0; i < 20; i++) {
            version++;
            checked = client.expect(uri, version);
            String value = String.valueOf(10 + (i * 13) % 80);
            text.didChange(change(uri, version, new Range(new Position(middle, 8), new Position(middle, 10)), value));
            checked.get(WAIT_S, TimeUnit.SECONDS);
            version++;
            boolean insert = i % 2 == 0;
            text.didChange(change(uri, version, insert ? new Range(new Position(EXPERIMENT_LINES, 0), new Position(EXPERIMENT_LINES, 0))
                    : new Range(new Position(EXPERIMENT_LINES, 0), new Position(EXPERIMENT_LINES + 1, 0)), insert ? "\n" : ""));
            text.completion(new CompletionParams(id, new Position(middle - 1 + (insert ? 1 : 0), 14))).get(WAIT_S, TimeUnit.SECONDS);
        }
        // a syntax error and its repair, so the error paths are warm too
        version++;
        text.didChange(change(uri, version, new Range(new Position(middle, 0), new Position(middle, 0)), "  ratio {\n"));
        version++;
        checked = client.expect(uri, version);
        text.didChange(change(uri, version, new Range(new Position(middle, 0), new Position(middle + 1, 0)), ""));
        checked.get(WAIT_S, TimeUnit.SECONDS);
        text.didClose(new DidCloseTextDocumentParams(id));
    }

    private static DidChangeTextDocumentParams change(String uri, int version, Range range, String text) {
        return new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(range, text)));
    }

    /** What VS Code announces, so the paths gated on client support (markdown, snippets, hints, tokens) are the ones warmed. */
    private static ClientCapabilities capabilities() {
        TextDocumentClientCapabilities t = new TextDocumentClientCapabilities();
        CompletionItemCapabilities item = new CompletionItemCapabilities(true);
        item.setDocumentationFormat(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT));
        t.setCompletion(new CompletionCapabilities(item));
        t.setHover(new HoverCapabilities(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT), false));
        t.setInlayHint(new InlayHintCapabilities());
        t.setSemanticTokens(new SemanticTokensCapabilities(false));
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        t.setDocumentSymbol(symbols);
        ClientCapabilities c = new ClientCapabilities();
        c.setTextDocument(t);
        return c;
    }

    /** A spec of {@code lines} lines: experiments of 20 lines each, over several models and criteria. */
    static String spec(int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines / EXPERIMENT_LINES; i++) {
            int ratio = 10 + (i * 7) % 80;
            b.append("experiment rehearsal_").append(String.format(Locale.ROOT, "%05d", i)).append(" {\n")
                    .append("  model ").append(MODELS.get(i % MODELS.size())).append("\n")
                    .append("  dataset synthetic {\n")
                    .append("    samples 256\n")
                    .append("  }\n")
                    .append("  prune filters {\n")
                    .append("    criterion ").append(CRITERIA.get(i % CRITERIA.size())).append("\n")
                    .append("    ratio ").append(ratio).append("%\n")
                    .append("    scope per-layer\n")
                    .append("  }\n")
                    .append("  finetune {\n")
                    .append("    epochs 1\n")
                    .append("    lr 0.01\n")
                    .append("  }\n")
                    .append("  measure flops, params, latency, accuracy\n")
                    .append("  energy { region BRA; pue 1.2 }\n")
                    .append("  target cpu\n")
                    .append("  expect flops <= ").append(ratio + 5).append("%\n")
                    .append("}\n")
                    .append("\n");
        }
        return b.toString();
    }

    /** The script's side of the connection: waits for the diagnostics of a version; everything else is dropped. */
    private static final class ScriptClient implements LanguageClient {
        private final Map<String, Map.Entry<Integer, CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

        CompletableFuture<Void> expect(String uri, int version) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            waiting.put(uri, Map.entry(version, f));
            return f;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            var w = waiting.get(p.getUri());
            if (w != null && p.getVersion() != null && p.getVersion() >= w.getKey()) w.getValue().complete(null);
        }

        @Override
        public void telemetryEvent(Object object) {}

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
