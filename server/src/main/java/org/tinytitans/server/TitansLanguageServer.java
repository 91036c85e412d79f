package org.tinytitans.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.tinytitans.server.estimates.EngineEstimates;
import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.server.jobs.JobListener;
import org.tinytitans.server.jobs.JobManager;
import org.tinytitans.server.jobs.JobStatus;
import org.tinytitans.server.services.CodeLenses;
import org.tinytitans.server.services.Diagnostics;
import org.tinytitans.server.services.RuntimeInfo;
import org.tinytitans.server.services.SemanticTokens;
import org.tinytitans.server.settings.ClientSupport;
import org.tinytitans.server.settings.TitansSettings;

/**
 * The protocol edge: initialize/shutdown, settings, capabilities, progress and publishing. Features live in
 * services/, jobs in jobs/. Nothing here waits on the client: LSP4J dispatches every message on one thread,
 * so a join() on a client request inside a handler would deadlock.
 */
public class TitansLanguageServer implements LanguageServer, LanguageClientAware, JobListener {
    private static final Logger LOG = Logger.getLogger(TitansLanguageServer.class.getName());

    final TitansSettings settings = new TitansSettings();
    final Documents documents = new Documents();
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("titans-scheduler"));
    final ExecutorService requests = Executors.newCachedThreadPool(daemon("titans-request"));
    final JobManager jobs = new JobManager(settings, this, scheduler);
    final EstimateService estimates;
    private final TitansTextDocumentService textService = new TitansTextDocumentService(this);
    private final TitansWorkspaceService workspaceService = new TitansWorkspaceService(this);
    private final Map<String, ScheduledFuture<?>> pendingValidation = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<?>> progress = new ConcurrentHashMap<>();
    private final IntConsumer exit;
    /** The editor's server (started by a launcher): warms its hot paths after `initialized`. Tests' servers do not. */
    private final boolean warmUp;
    /** A {@link Rehearsal}'s private server: says nothing to the shared log. */
    private volatile boolean quiet;
    private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();
    private volatile LanguageClient client;
    private volatile ClientSupport support = ClientSupport.of(null);
    private volatile boolean shutdown;

    /** The editor's server; {@code -Dtitans.warmup=false} leaves out the warm-up (and so the archive training after it). */
    public TitansLanguageServer() {
        this(defaultEstimates(), System::exit, !"false".equals(System.getProperty("titans.warmup")));
    }

    /** @param exit what `exit` and a dead parent process do (System::exit; tests record it instead) */
    public TitansLanguageServer(EstimateService estimates, IntConsumer exit) {
        this(estimates, exit, false);
    }

    private TitansLanguageServer(EstimateService estimates, IntConsumer exit, boolean warmUp) {
        this.estimates = estimates;
        this.exit = exit;
        this.warmUp = warmUp;
        if (!warmUp) warmedUp.complete(null);
    }

    /** No log lines from this server (a rehearsal's: its lines would reach the user's log). */
    void quiet() {
        quiet = true;
    }

    /** Completes when the background warm-up after `initialized` has ended (at once for servers that do not warm up). */
    public CompletableFuture<Void> warmedUp() {
        return warmedUp;
    }

    static EstimateService defaultEstimates() {
        try {
            return new EngineEstimates();
        } catch (LinkageError e) { // the engine is not on the class path: the editor works without numbers
            LOG.log(Level.INFO, "no engine on the class path: analytic estimates are off", e);
            return EstimateService.NONE;
        }
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    /** The live settings (merged from initializationOptions and didChangeConfiguration). */
    public TitansSettings settings() {
        return settings;
    }

    LanguageClient client() {
        return client;
    }

    ClientSupport support() {
        return support;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        support = ClientSupport.of(params.getCapabilities());
        if (params.getInitializationOptions() instanceof com.google.gson.JsonElement json) settings.merge(json);
        if (params.getProcessId() != null) {
            ParentProcessWatcher.watch(params.getProcessId(), scheduler, () -> exit.accept(1), 3000);
        }
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("titans-server", "0.1.0")));
    }

    /** Capabilities gated on what the client supports (no inlay hints or semantic tokens for clients without them). */
    ServerCapabilities capabilities() {
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        c.setTextDocumentSync(sync);
        c.setCompletionProvider(new CompletionOptions(false, List.of(" ", ",")));
        c.setHoverProvider(true);
        c.setDocumentSymbolProvider(true);
        c.setFoldingRangeProvider(true);
        c.setDocumentFormattingProvider(true);
        c.setDocumentRangeFormattingProvider(true);
        c.setDefinitionProvider(true);
        c.setRenameProvider(new RenameOptions(true));
        c.setDocumentLinkProvider(new DocumentLinkOptions(false));
        c.setCodeActionProvider(true);
        c.setCodeLensProvider(new CodeLensOptions(false));
        c.setExecuteCommandProvider(new ExecuteCommandOptions(CodeLenses.COMMANDS));
        if (support.inlayHints()) c.setInlayHintProvider(true);
        if (support.semanticTokens()) {
            c.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(SemanticTokens.LEGEND, true));
        }
        return c;
    }

    @Override
    public void initialized(InitializedParams params) {
        if (quiet) return;
        LOG.info("titans-server ready (estimates: " + (estimates == EstimateService.NONE ? "off" : "on") + ")");
        if (warmUp) startWarmUp();
    }

    /**
     * After `initialized`, on one low-priority daemon thread: a {@link Rehearsal} (the editor's requests on a
     * synthetic spec, so the user's first completion and hover are not the cold ones), then the class-data archive
     * when the launcher asked for one that does not exist yet. Nothing of the engine's runtime or DJL is loaded.
     */
    private void startWarmUp() {
        Thread t = new Thread(() -> {
            LowPriority.lowerCurrentThread(); // before the rehearsal starts its threads, which inherit it
            long t0 = System.nanoTime();
            try {
                Rehearsal.run(estimates, 1, 1000);
                LOG.fine(() -> "warm-up took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            } catch (Exception | LinkageError e) { // a failed warm-up costs speed, never a feature
                LOG.log(Level.FINE, "warm-up failed", e);
            } finally {
                warmedUp.complete(null);
            }
            java.nio.file.Path archive = StartupArchive.wanted();
            if (archive != null && !shutdown) StartupArchive.train(archive);
        }, "titans-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private CompletableFuture<com.google.gson.JsonObject> runtime;

    /**
     * {@code titans/runtime}: what local jobs run on, as `titans-cli doctor --no-load` says it: {@code summary}
     * (one line), {@code text} (the report), {@code report} (its JSON, docs/gpu.md). Nothing is loaded here; each
     * job sends its own `runtime` event, which is what it really ran on.
     */
    @org.eclipse.lsp4j.jsonrpc.services.JsonRequest("titans/runtime")
    public synchronized CompletableFuture<com.google.gson.JsonObject> runtime() {
        if (runtime == null) {
            runtime = CompletableFuture.supplyAsync(RuntimeInfo::describe, requests);
            // Logged when first asked (an editor's status bar, or the first job), not at start: the probe runs
            // python3 and nvidia-smi and loads the engine's runtime classes, which a start has no use for.
            runtime.thenAccept(r -> {
                if (!shutdown && !quiet) LOG.info("jobs here run on " + r.get("summary").getAsString() + " (titans-cli doctor says why)");
            });
        }
        return runtime;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        jobs.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        jobs.shutdown();
        scheduler.shutdownNow();
        requests.shutdownNow();
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public void cancelProgress(WorkDoneProgressCancelParams params) {
        Either<String, Integer> token = params.getToken();
        if (token != null && token.isLeft()) jobs.cancelToken(token.getLeft());
    }

    @Override
    public TitansTextDocumentService getTextDocumentService() {
        return textService;
    }

    @Override
    public TitansWorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    // ---- diagnostics

    /** Validates after a pause in typing; a newer version cancels the pending check, a stale one is dropped. */
    void scheduleValidation(String uri) {
        TextDocument doc = documents.get(uri);
        if (doc == null) return;
        int version = doc.version();
        ScheduledFuture<?> next = scheduler.schedule(() -> {
            TextDocument now = documents.get(uri);
            if (now != null && now.version() == version) publish(uri);
        }, settings.debounceMs(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> old = pendingValidation.put(uri, next);
        if (old != null) old.cancel(false);
    }

    /** One merged publishDiagnostics for the document as it is now. */
    void publish(String uri) {
        TextDocument doc = documents.get(uri);
        LanguageClient c = client;
        if (doc == null || c == null) return;
        try {
            var results = jobs.results(uri).orElse(null);
            var list = settings.features().diagnostics() ? Diagnostics.merged(doc.findings(), doc::spec, results)
                    : results == null ? List.<org.eclipse.lsp4j.Diagnostic>of() : Diagnostics.job(doc.spec(), results);
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, list, doc.version()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not publish diagnostics for " + uri, e);
        }
    }

    void clearDiagnostics(String uri) {
        ScheduledFuture<?> old = pendingValidation.remove(uri);
        if (old != null) old.cancel(false);
        LanguageClient c = client;
        if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }

    // ---- job progress (called from job threads)

    @Override
    public void begin(String uri, String token, String title) {
        runtime(); // the first job says in the log what jobs here run on
        LanguageClient c = client;
        if (c == null || !support.workDoneProgress()) return;
        WorkDoneProgressBegin b = new WorkDoneProgressBegin();
        b.setTitle(title);
        b.setCancellable(true);
        CompletableFuture<?> created = c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token)))
                .thenRun(() -> c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(b))));
        progress.put(token, created);
    }

    @Override
    public void report(String token, String message, Integer percentage) {
        CompletableFuture<?> p = progress.get(token);
        LanguageClient c = client;
        if (p == null || c == null) return;
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setMessage(message);
        r.setPercentage(percentage);
        r.setCancellable(true);
        progress.put(token, p.thenRun(() -> c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(r)))));
    }

    @Override
    public void end(String token, String message) {
        CompletableFuture<?> p = progress.remove(token);
        LanguageClient c = client;
        if (p == null || c == null) return;
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage(message);
        p.thenRun(() -> c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(e))));
    }

    @Override
    public void status(JobStatus status) {
        if (support.jobStatus() && client instanceof TitansLanguageClient c) c.jobStatus(status);
    }

    @Override
    public void changed(String uri) {
        publish(uri);
        LanguageClient c = client;
        if (c == null) return;
        // refresh requests are answered by the client later; never wait for them
        if (support.inlayHintRefresh()) c.refreshInlayHints();
        if (support.codeLensRefresh()) c.refreshCodeLenses();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
