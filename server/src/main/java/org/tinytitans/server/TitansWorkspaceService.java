package org.tinytitans.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.tinytitans.server.jobs.JobResults;
import org.tinytitans.server.jobs.ResultCache;
import org.tinytitans.server.services.CodeLenses;
import org.tinytitans.server.services.EstimateSummary;

/** Settings changes and the server-side commands behind the code lenses. */
public final class TitansWorkspaceService implements WorkspaceService {
    private final TitansLanguageServer server;

    TitansWorkspaceService(TitansLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (params.getSettings() instanceof JsonElement json) server.settings.merge(json);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}

    /** Commands take the document URI as their only argument and answer at once; a run goes on in its job. */
    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return CompletableFutures.computeAsync(server.requests, cancel -> {
            String uri = uriArgument(params.getArguments());
            TextDocument doc = server.documents.get(uri);
            return switch (params.getCommand()) {
                case CodeLenses.RUN -> run(uri, doc);
                case CodeLenses.CANCEL -> server.jobs.cancel(uri) ? "cancelled" : "no job running";
                case CodeLenses.ESTIMATE -> estimate(doc);
                case CodeLenses.OPEN_REPORT -> openReport(uri, doc);
                default -> throw error("unknown command " + params.getCommand());
            };
        });
    }

    private Object run(String uri, TextDocument doc) {
        Path path = doc == null ? TextDocument.pathOf(uri) : doc.path();
        if (path == null) throw error("only a saved .prune file can run: " + uri);
        String text = doc != null ? doc.text() : read(path);
        server.jobs.run(uri, path, text, true);
        return "started";
    }

    private Object estimate(TextDocument doc) {
        if (doc == null) throw error("open the spec first");
        List<String> lines = EstimateSummary.lines(doc.spec(), server.estimates);
        String text = lines.isEmpty() ? "no experiments" : String.join("\n", lines);
        if (server.client() != null) server.client().showMessage(new MessageParams(MessageType.Info, text));
        return text;
    }

    /** Shows the run's report (its result file, else the cached results) in the client when it can. */
    private Object openReport(String uri, TextDocument doc) {
        JobResults r = server.jobs.results(uri).orElseThrow(() -> error("no results yet: run the spec first"));
        Path target = null;
        if (r.resultFile() != null && doc != null && doc.path() != null) {
            Path p = doc.path().toAbsolutePath().getParent().resolve(r.resultFile());
            if (Files.exists(p)) target = p;
        }
        if (target == null && doc != null && doc.path() != null) target = ResultCache.file(doc.path(), r.specHash());
        if (target == null) throw error("no report file for " + uri);
        if (server.support().showDocument() && server.client() != null) {
            ShowDocumentParams show = new ShowDocumentParams(target.toUri().toString());
            show.setExternal(false);
            server.client().showDocument(show); // answered later; never joined here
        }
        return target.toString();
    }

    private static String uriArgument(List<Object> args) {
        if (args == null || args.isEmpty()) throw error("the command needs the document URI as its argument");
        Object a = args.get(0);
        if (a instanceof JsonPrimitive p && p.isString()) return p.getAsString();
        if (a instanceof String s) return s;
        throw error("the command's argument must be a document URI, not " + a);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw error("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static ResponseErrorException error(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
