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
import org.tinytitans.engine.report.ReportException;
import org.tinytitans.engine.report.ResultReader;
import org.tinytitans.engine.report.HtmlReportFile;
import org.tinytitans.server.jobs.JobResults;
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
                case CodeLenses.RUN, CodeLenses.SEARCH -> run(uri, doc);
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

    /**
     * Shows the latest run's HTML report, rendered by the engine from the job's result.json, else from the one a
     * CLI run left beside the spec (.titans/STEM/result.json). A job that wrote no result.json (it failed its
     * checks, or a custom jobCommand) has no report: the error says so. Returns the file's path.
     */
    private Object openReport(String uri, TextDocument doc) {
        Path spec = doc != null && doc.path() != null ? doc.path() : TextDocument.pathOf(uri);
        JobResults r = server.jobs.results(uri).orElse(null);
        Path result = latestResult(spec, r);
        Path target;
        if (result != null) {
            target = htmlReport(result);
        } else {
            // a job that wrote no result.json (it failed its checks, or a custom jobCommand) has no report
            throw error(r == null ? "no results yet: run the spec first" : "no report file for " + uri + " (the job wrote no result.json)");
        }
        if (server.support().showDocument() && server.client() != null) {
            ShowDocumentParams show = new ShowDocumentParams(target.toUri().toString());
            // An HTML report is for a browser (LSP: external); VS Code's extension shows it in a webview instead.
            show.setExternal(target.getFileName().toString().endsWith(".html"));
            server.client().showDocument(show); // answered later; never joined here
        }
        return target.toString();
    }

    /** The result.json of the job's run, else the one beside the spec; null when neither exists. */
    private static Path latestResult(Path spec, JobResults r) {
        if (r != null && r.resultFile() != null && spec != null) {
            Path p = spec.toAbsolutePath().getParent().resolve(r.resultFile());
            if (Files.isRegularFile(p)) return p;
        }
        if (spec == null) return null;
        Path besideSpec = ResultReader.locate(spec);
        return Files.isRegularFile(besideSpec) ? besideSpec : null;
    }

    private static Path htmlReport(Path result) {
        try {
            return HtmlReportFile.write(result);
        } catch (ReportException e) {
            throw error("cannot make the report: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw error("cannot write the report beside " + result + ": " + e.getMessage());
        }
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
