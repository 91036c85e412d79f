package org.tinytitans.server.jobs;

/**
 * What the job manager tells the server. Called from job threads, never from the protocol thread; the
 * server turns these into $/progress, titans/jobStatus and publishDiagnostics.
 */
public interface JobListener {
    void begin(String uri, String token, String title);

    void report(String token, String message, Integer percentage);

    void end(String token, String message);

    /** The results (or the running state) of a document changed: republish diagnostics, refresh hints and lenses. */
    void changed(String uri);

    /** A job started, learned where it runs, or ended (the client's status bar). */
    default void status(JobStatus status) {}
}
