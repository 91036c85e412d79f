package org.tinytitans.server.protocol;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.tinytitans.server.TitansLanguageClient;
import org.tinytitans.server.jobs.FakeJob;
import org.tinytitans.server.jobs.JobStatus;

/** A client that records everything the server sends, as LemMinX's MockXMLLanguageClient does. */
public class RecordingClient implements TitansLanguageClient {
    public final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
    public final List<MessageParams> messages = new CopyOnWriteArrayList<>();
    public final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    public final List<String> progressCreated = new CopyOnWriteArrayList<>();
    public final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    public final List<String> refreshes = new CopyOnWriteArrayList<>();
    public final List<String> shownDocuments = new CopyOnWriteArrayList<>();
    public final List<JobStatus> jobStatuses = new CopyOnWriteArrayList<>();

    @Override
    public void jobStatus(JobStatus s) {
        jobStatuses.add(s);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
        diagnostics.add(p);
    }

    @Override
    public void showMessage(MessageParams p) {
        messages.add(p);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams p) {
        logs.add(p);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
        progressCreated.add(p.getToken().getLeft());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams p) {
        progress.add(p);
    }

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
        refreshes.add("inlayHint");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        refreshes.add("codeLens");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams p) {
        shownDocuments.add(p.getUri());
        return CompletableFuture.completedFuture(new ShowDocumentResult(true));
    }

    /** The last diagnostics published for uri that satisfy the condition, waiting for them. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition) {
        FakeJob.await("diagnostics for " + uri, () -> last(uri) != null && condition.test(last(uri)));
        return last(uri);
    }

    public PublishDiagnosticsParams last(String uri) {
        PublishDiagnosticsParams found = null;
        for (PublishDiagnosticsParams p : diagnostics) {
            if (p.getUri().equals(uri)) found = p;
        }
        return found;
    }

    /** The kinds of progress notifications (begin, report, end) for a token, in order. */
    public List<String> progressKinds(String token) {
        return progress.stream().filter(p -> p.getToken().getLeft().equals(token))
                .map(p -> p.getValue().getLeft().getKind().toString()).toList();
    }
}
