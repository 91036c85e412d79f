package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * Runs a job through Slurm (`target slurm "partition" { gpus; cpus; mem; time; account }`): sbatch on this
 * machine, or on a login node over ssh ({@link RemoteConfig#slurmHost()}). The spec and its files are staged
 * as for SSH in the workdir (which compute nodes must see: a shared file system). A sweep is one array job,
 * one task per point. Progress is read by tailing the tasks' event files; the job's state is polled, so
 * Slurm's own endings (TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, CANCELLED) become clear diagnostics.
 */
public final class SlurmRunner implements JobRunner {
    private static final Pattern JOB_ID = Pattern.compile("^(\\d+)");
    private static final Duration CALL = Duration.ofMinutes(2);

    private final TargetSpec target;
    private final RemoteConfig config;
    private final Transport transport;

    public SlurmRunner(TargetSpec target, RemoteConfig config) {
        this.target = target;
        this.config = config;
        this.transport = config.slurmHost() == null ? new LocalTransport() : new SshTransport(config.slurmHost(), config.sshOptions());
        if (target.argument() != null && !target.argument().isEmpty()) RemoteNames.partition(target.argument());
    }

    @Override
    public JobHandle start(Path spec, JobOptions options) throws IOException {
        if (!Files.isRegularFile(spec)) throw new RemoteException("no spec file " + spec);
        Staging staging = new Staging(transport, config, options.listener());
        Staging.Prepared ready = staging.prepare(target);
        int runs = Experiments.resolve(SpecDocument.parse(Files.readString(spec, StandardCharsets.UTF_8))).size();
        if (options.point() != null && options.point() >= runs) {
            throw new RemoteException("the spec has " + runs + " runs; there is no point " + options.point());
        }
        int points = options.point() == null && runs > 1 ? runs : 0;
        String id = options.jobId() != null ? options.jobId() : JobIds.fresh();
        String jobDir = RemotePaths.inside(ready.workdir(), "jobs/" + id);
        Integer gpu = target.gpus() != null && target.gpus() > 0 ? 0 : null; // Slurm exposes its GPUs from index 0
        String remoteSpec = staging.shipSpec(ready.workdir(), jobDir, spec, gpu);
        String script = SbatchScript.render(target, Shipping.stem(spec), jobDir, ready.titans(), remoteSpec, points, options.point(), options.env());
        Path tmp = Files.createTempFile("titans-job", ".sbatch");
        try {
            Files.writeString(tmp, script, StandardCharsets.UTF_8);
            transport.upload(tmp, jobDir + "/job.sbatch");
        } finally {
            Files.deleteIfExists(tmp);
        }
        List<String> files = SbatchScript.eventFiles(points);
        String quoted = files.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
        String slurmId = submit(jobDir, quoted);
        options.listener().accept(new JobEvent.Log("info", "submitted Slurm job " + slurmId + " on " + transport.where()
                + (points > 0 ? " (array of " + points + " tasks)" : "")));
        Process tail = transport.shell("cd " + ShellQuote.quote(jobDir) + " && exec tail -q -n +1 -s 0.5 -F " + quoted)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String[] finalState = new String[1];
        ProcessJob job = new ProcessJob(id, tail, options.listener(), () -> scancel(slurmId), Math.max(1, points), true, (j, exit) -> {
            String state = finalState[0] != null ? finalState[0] : SlurmStates.worst(states(slurmId));
            Path results = transport.run("test -d " + ShellQuote.quote(RemotePaths.inside(jobDir, Results.remoteRel(spec))), CALL).ok()
                    ? Results.fetch(transport, jobDir, spec, id) : null;
            return j.basicOutcome(exit, results, SlurmStates.describe(state, slurmId, target, j.cancelled()));
        });
        Thread watcher = new Thread(() -> watch(job, slurmId, finalState), "slurm-watch-" + slurmId);
        watcher.setDaemon(true);
        watcher.start();
        return job;
    }

    private String submit(String jobDir, String eventFiles) throws IOException {
        Exec.Result r = transport.run("cd " + ShellQuote.quote(jobDir) + " && for f in " + eventFiles + "; do : > \"$f\"; done"
                + " && sbatch --parsable job.sbatch", CALL);
        if (r.exit() == 127) throw new RemoteException("there is no sbatch on " + transport.where() + ": " + r.complaint());
        if (!r.ok()) throw new RemoteException("sbatch refused the job on " + transport.where() + ": " + r.complaint());
        Matcher m = JOB_ID.matcher(r.out().strip());
        if (!m.find()) throw new RemoteException("sbatch printed no job id on " + transport.where() + ": " + r.out().strip());
        return m.group(1);
    }

    /** Polls the job's state; once Slurm says it ended, lets the tail read the last lines, then stops it. */
    private void watch(ProcessJob job, String slurmId, String[] finalState) {
        try {
            while (!job.isDone()) {
                Thread.sleep(config.poll().toMillis());
                List<String> s = states(slurmId);
                if (!SlurmStates.active(s)) {
                    Thread.sleep(1500);
                    synchronized (finalState) {
                        finalState[0] = SlurmStates.worst(s.isEmpty() ? states(slurmId) : s);
                    }
                    job.stopStream();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the login node went away: stop following; the outcome says the job died
            job.stopStream();
        }
    }

    /** The job's states: sacct when accounting is on, else scontrol (recent jobs only); empty when unknown. */
    List<String> states(String slurmId) throws IOException {
        String id = ShellQuote.quote(slurmId);
        Exec.Result a = transport.run("sacct -j " + id + " --format=State -n -P -X 2>/dev/null", CALL);
        if (a.ok()) {
            List<String> s = SlurmStates.fromSacct(a.out());
            if (!s.isEmpty()) return s;
        }
        Exec.Result b = transport.run("scontrol show job " + id + " 2>/dev/null", CALL);
        return b.ok() ? SlurmStates.fromScontrol(b.out()) : List.of();
    }

    private void scancel(String slurmId) {
        try {
            transport.run("scancel " + ShellQuote.quote(slurmId), CALL);
        } catch (IOException e) {
            // stopping the stream still happens
        }
    }
}
