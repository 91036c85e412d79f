package org.tinytitans.engine.remote;

import java.nio.file.Path;

/**
 * How a job ended.
 *
 * @param exitCode   the job's exit code from its `finished` event (for arrays: the first non-zero), or null
 * @param message    one human line: what happened and, on failure, why and what to do
 * @param resultDir  the local .titans/&lt;stem&gt; folder holding the results, or null when none came back
 */
public record JobOutcome(Status status, Integer exitCode, String message, Path resultDir) {

    public enum Status {
        /** Every `finished` event said exit code 0. */
        SUCCEEDED,
        /** The job ended normally (it wrote `finished`) with a non-zero exit code. */
        FAILED,
        /** The stream ended without `finished`: killed, out of memory, crashed, or Slurm stopped it. */
        DIED,
        CANCELLED,
        /** The SSH connection dropped; the remote job may still run and can be re-attached. */
        CONNECTION_LOST
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
