package org.tinytitans.server.jobs;

/**
 * The `titans/jobStatus` notification (sent to clients that ask for it with the experimental capability
 * {@code titansJobStatus}): a job of a spec started, or ended, and where it runs.
 *
 * @param uri     the spec
 * @param token   the run's progress token, so a client can tie this to the $/progress of the same run
 * @param state   running, finished, failed or cancelled
 * @param target  where the job runs: "cpu", "gpu 0", "ssh me@gpu-box", "slurm gpu"
 * @param title   the run's title (as in its progress)
 * @param message one line: the runtime it runs on while running, the outcome once ended
 */
public record JobStatus(String uri, String token, String state, String target, String title, String message) {
    public static final String METHOD = "titans/jobStatus";
}
