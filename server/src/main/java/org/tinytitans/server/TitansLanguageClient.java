package org.tinytitans.server;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;
import org.tinytitans.server.jobs.JobStatus;

/** The client as this server sees it: LSP plus the notifications only Tiny Titans clients handle. */
public interface TitansLanguageClient extends LanguageClient {

    /** A job started, learned where it runs, or ended; sent only to clients with the experimental capability {@code titansJobStatus}. */
    @JsonNotification(JobStatus.METHOD)
    void jobStatus(JobStatus status);
}
