package org.tinytitans.engine.remote;

import java.util.List;

/** A running job. Events go to {@link JobOptions#listener()} as they arrive; the handle also keeps them. */
public interface JobHandle {

    /** The job id: local runs use the process id; remote runs the folder name under workdir/jobs (re-attach with it). */
    String id();

    /** Every event received so far. */
    List<JobEvent> events();

    /** Ends the job (its whole process group, or scancel) and stops streaming. Safe to call twice. */
    void cancel();

    /** Blocks until the job ended (or the connection was lost) and results were brought back. */
    JobOutcome waitFor() throws InterruptedException;

    boolean isDone();
}
