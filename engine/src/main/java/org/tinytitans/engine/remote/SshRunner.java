package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * Runs a job on an SSH host (`target ssh "user@host" { workdir; java; titans; gpu }`) with the user's
 * OpenSSH client. Ships the spec and its files into the host's cache, makes sure a compatible titans-cli is
 * there, starts the job detached in &lt;workdir&gt;/jobs/&lt;id&gt;, streams its events, and copies its
 * .titans/&lt;stem&gt; folder back beside the local spec. A dropped connection leaves the job running:
 * {@link #attach} follows it again from the first event.
 */
public final class SshRunner implements JobRunner {
    private final TargetSpec target;
    private final RemoteConfig config;
    private final Transport transport;

    public SshRunner(TargetSpec target, RemoteConfig config) {
        this(target, config, new SshTransport(target.argument(), config.sshOptions()));
    }

    /** With another transport: tests run the same scripts on this machine. */
    SshRunner(TargetSpec target, RemoteConfig config, Transport transport) {
        this.target = target;
        this.config = config;
        this.transport = transport;
    }

    @Override
    public JobHandle start(Path spec, JobOptions options) throws IOException {
        if (!Files.isRegularFile(spec)) throw new RemoteException("no spec file " + spec);
        Staging staging = new Staging(transport, config, options.listener());
        Staging.Prepared ready = staging.prepare(target);
        String id = options.jobId() != null ? options.jobId() : JobIds.fresh();
        String jobDir = RemotePaths.inside(ready.workdir(), "jobs/" + id);
        String remoteSpec = staging.shipSpec(ready.workdir(), jobDir, spec, target.gpu());
        String script = JobScripts.start(jobDir, JobScripts.jobArgv(options.env(), ready.titans(), remoteSpec, options.point()), Results.remoteRel(spec));
        return follow(spec, id, jobDir, script, options);
    }

    /** Follows a job started earlier (after a lost connection), from its first event. */
    public JobHandle attach(Path spec, String jobId, JobOptions options) throws IOException {
        RemoteNames.jobId(jobId);
        String workdir = new Staging(transport, config, options.listener()).workdir(target);
        String jobDir = RemotePaths.inside(workdir, "jobs/" + jobId);
        return follow(spec, jobId, jobDir, JobScripts.attach(jobDir, Results.remoteRel(spec)), options);
    }

    private JobHandle follow(Path spec, String id, String jobDir, String script, JobOptions options) throws IOException {
        Process p = transport.shell(script).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String host = transport.where();
        return new ProcessJob(id, p, options.listener(), () -> cancelRemote(jobDir), 1, false, (job, exit) -> {
            boolean finished = !job.reader().finishes().isEmpty();
            if (exit == 255 && !finished && !job.cancelled()) {
                return new JobOutcome(JobOutcome.Status.CONNECTION_LOST, null, "connection to " + host + " lost"
                        + lastLine(job) + "; the job may still be running there: re-attach to job " + id + " or run it again", null);
            }
            if (exit == 4) return new JobOutcome(JobOutcome.Status.FAILED, null, "there is no job " + id + " on " + host, null);
            if (exit == 5) return new JobOutcome(JobOutcome.Status.DIED, null, "the job did not start on " + host
                    + lastLine(job), null);
            Path results = "yes".equals(job.marker(JobScripts.RESULTS_MARKER)) ? Results.fetch(transport, jobDir, spec, id) : null;
            String code = job.marker(JobScripts.EXIT_MARKER);
            String died = code == null ? "on " + host : "on " + host + ", " + describe(code);
            return job.basicOutcome(exit, results, died);
        });
    }

    private static String lastLine(ProcessJob job) {
        var err = job.stderrTail();
        return err.isEmpty() ? "" : " (" + err.get(err.size() - 1) + ")";
    }

    private static String describe(String code) {
        try {
            return ExitCodes.describe(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            return "exit code " + code;
        }
    }

    private void cancelRemote(String jobDir) {
        try {
            transport.run(JobScripts.cancel(jobDir), Duration.ofSeconds(30));
        } catch (IOException e) {
            // closing the stream still happens; the job may outlive an unreachable host
        }
    }
}
