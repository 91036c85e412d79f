package org.tinytitans.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.remote.JobEvent;
import org.tinytitans.engine.remote.JobHandle;
import org.tinytitans.engine.remote.JobOptions;
import org.tinytitans.engine.remote.JobOutcome;
import org.tinytitans.engine.remote.JobRunner;
import org.tinytitans.engine.remote.RemoteConfig;
import org.tinytitans.engine.remote.RemoteException;
import org.tinytitans.engine.remote.SshRunner;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * {@code run} for a spec whose target is {@code ssh} or {@code slurm}: the job runs there and speaks the event
 * protocol back; progress shows as for a local run, the results come back into .titans/ and print the same way.
 */
final class RemoteRun {

    private RemoteRun() {}

    static int run(Path spec, TargetSpec target, Integer point, String attach, String slurmHost, Progress progress,
                   PrintStream err, PrintWriter out, boolean json) throws IOException, InterruptedException {
        String version = TitansCli.class.getPackage().getImplementationVersion();
        RemoteConfig config = RemoteConfig.fromEnvironment(System.getenv(), version, slurmHost);
        JobRunner runner = org.tinytitans.engine.remote.Runners.forTarget(target, config);
        JobOptions options = JobOptions.defaults().withPoint(point).withListener(e -> show(e, target.kind() + " " + target.argument(), progress, err));
        JobHandle handle;
        try {
            if (attach != null) {
                if (!(runner instanceof SshRunner ssh)) {
                    throw new UsageException("--attach works for target ssh jobs only");
                }
                handle = ssh.attach(spec, attach, options);
            } else {
                handle = runner.start(spec, options);
            }
        } catch (RemoteException e) {
            err.println("titans-cli: " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
        // Ctrl-C ends the remote job too, not only this client.
        Thread cancel = new Thread(handle::cancel);
        Runtime.getRuntime().addShutdownHook(cancel);
        JobOutcome outcome;
        try {
            err.println("titans-cli: job " + handle.id() + " on " + target.kind() + " " + target.argument());
            outcome = handle.waitFor();
        } finally {
            Runtime.getRuntime().removeShutdownHook(cancel);
        }
        if (!outcome.succeeded()) {
            err.println("titans-cli: " + outcome.message());
        }
        Path resultFile = outcome.resultDir() == null ? null : outcome.resultDir().resolve("result.json");
        if (resultFile != null && Files.isRegularFile(resultFile)) {
            if (json) {
                out.println(Files.readString(resultFile).strip());
            } else {
                RunTable.print(ResultFiles.read(resultFile), out);
                SearchTrace.print(com.google.gson.JsonParser.parseString(Files.readString(resultFile)).getAsJsonObject(), out);
                out.println("results: " + resultFile);
            }
            out.flush();
        }
        if (outcome.status() == JobOutcome.Status.CONNECTION_LOST) {
            err.println("titans-cli: re-attach with: titans-cli run --attach " + handle.id() + " " + spec);
        }
        return outcome.exitCode() != null ? outcome.exitCode() : ExitCodes.JOB_FAILED;
    }

    private static void show(JobEvent e, String where, Progress progress, PrintStream err) {
        if (e instanceof JobEvent.Phase p) {
            progress.update(p.phase(), 0, 0, p.message());
        } else if (e instanceof JobEvent.Progress p) {
            progress.update(p.phase(), p.done(), p.total(), p.detail());
        } else if (e instanceof JobEvent.Runtime r) {
            // the remote side's libtorch and device: what `titans-cli doctor` would say there
            err.println("titans-cli: running on " + where + ": " + r.summary());
        } else if (e instanceof JobEvent.Failed f) {
            err.println("titans-cli: " + (f.experiment() == null ? "" : "[" + f.experiment() + "] ")
                    + f.message() + (f.line() == null ? "" : " (line " + f.line() + ")"));
        }
    }
}
