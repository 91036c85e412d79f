package org.tinytitans.server.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.tinytitans.engine.remote.JobEvent;
import org.tinytitans.engine.remote.JobHandle;
import org.tinytitans.engine.remote.JobOptions;
import org.tinytitans.engine.remote.JobOutcome;
import org.tinytitans.engine.remote.JobRunner;
import org.tinytitans.engine.remote.Runners;
import org.tinytitans.server.settings.TitansSettings;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * Runs specs as jobs, rust-analyzer flycheck style: each run of a document bumps its generation; a newer run
 * cancels the older job first, is debounced, and whatever an older generation produces is dropped. One job
 * per document, {@link #MAX_CONCURRENT_JOBS} over all; the results a finished run wrote (.titans/STEM/result.json) are read back through the {@link ResultCache}.
 * Every job starts through the engine's runner for the spec's target, as `titans-cli run` does
 * ({@link JobTargets}): here, on an SSH host or through Slurm, with the same events, cancel and results.
 */
public final class JobManager {
    private static final Logger LOG = Logger.getLogger(JobManager.class.getName());

    private final TitansSettings settings;
    private final JobListener listener;
    private final ScheduledExecutorService scheduler;
    /** At most this many jobs run at once over all documents; later ones wait (and may be cancelled while waiting). */
    public static final int MAX_CONCURRENT_JOBS = 2;

    private final ExecutorService readers = Executors.newFixedThreadPool(MAX_CONCURRENT_JOBS, daemon("titans-job"));
    /** Cancelling may take a round trip to a host (kill over ssh, scancel): never on the protocol thread. */
    private final ExecutorService cancels = Executors.newCachedThreadPool(daemon("titans-job-cancel"));
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, JobResults> results = new ConcurrentHashMap<>();

    /** One scheduled or running job. */
    private static final class Run {
        final String uri;
        final long generation;
        final String token = "titans-run/" + UUID.randomUUID();
        volatile ScheduledFuture<?> pending;
        volatile JobHandle handle;
        volatile boolean cancelled;
        volatile boolean begun;
        volatile String where = "cpu";
        volatile String title;
        final SearchProgress search = new SearchProgress();

        Run(String uri, long generation) {
            this.uri = uri;
            this.generation = generation;
        }
    }

    public JobManager(TitansSettings settings, JobListener listener, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.listener = listener;
        this.scheduler = scheduler;
    }

    /**
     * Runs the spec saved at file. Unless forced, an unchanged spec (same text hash) is not run again:
     * its cached results are shown instead.
     */
    public void run(String uri, Path file, String text, boolean force) {
        long gen = generations.merge(uri, 1L, Long::sum);
        cancelRun(uri, "superseded by a newer save");
        if (!force) {
            Optional<JobResults> cached = ResultCache.load(file, text);
            if (cached.isPresent()) {
                results.put(uri, cached.get());
                listener.changed(uri);
                return;
            }
        }
        Run run = new Run(uri, gen);
        runs.put(uri, run);
        run.pending = scheduler.schedule(() -> readers.execute(() -> execute(run, file, text)),
                settings.debounceMs(), TimeUnit.MILLISECONDS);
        listener.changed(uri);
    }

    /** Shows the cached results of this text, if a previous run left some (after a restart, on open). */
    public boolean loadCached(String uri, Path file, String text) {
        Optional<JobResults> cached = ResultCache.load(file, text);
        cached.ifPresent(r -> results.put(uri, r));
        return cached.isPresent();
    }

    /** Cancels the document's job; true when one was scheduled or running. */
    public boolean cancel(String uri) {
        generations.merge(uri, 1L, Long::sum);
        boolean had = cancelRun(uri, "cancelled");
        if (had) listener.changed(uri);
        return had;
    }

    /** Cancels the job whose progress token the client cancelled. */
    public boolean cancelToken(String token) {
        return runs.values().stream().filter(r -> r.token.equals(token)).findFirst()
                .map(r -> cancel(r.uri)).orElse(false);
    }

    public boolean running(String uri) {
        return runs.containsKey(uri);
    }

    public Optional<JobResults> results(String uri) {
        return Optional.ofNullable(results.get(uri));
    }

    /** The running job's id (a local job's process id; a remote job's folder name), for tests and logs. */
    public Optional<String> jobId(String uri) {
        Run r = runs.get(uri);
        JobHandle h = r == null ? null : r.handle;
        return h == null ? Optional.empty() : Optional.of(h.id());
    }

    public void forget(String uri) {
        cancel(uri);
        results.remove(uri);
    }

    /** Cancels every job (remote ones too, waiting a little for the kill or scancel to get through). */
    public void shutdown() {
        runs.keySet().forEach(u -> cancelRun(u, "server shutting down"));
        readers.shutdownNow();
        cancels.shutdown();
        try {
            cancels.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean cancelRun(String uri, String why) {
        Run old = runs.remove(uri);
        if (old == null) return false;
        JobHandle h;
        synchronized (old) {
            old.cancelled = true;
            h = old.handle;
        }
        ScheduledFuture<?> p = old.pending;
        if (p != null) p.cancel(false);
        if (h != null) cancelLater(h);
        if (old.begun) {
            listener.end(old.token, why);
            listener.status(new JobStatus(old.uri, old.token, "cancelled", old.where, old.title, why));
        }
        return true;
    }

    private void cancelLater(JobHandle h) {
        try {
            cancels.execute(h::cancel);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            h.cancel(); // shutting down: cancel here
        }
    }

    private boolean current(Run run) {
        return !run.cancelled && generations.getOrDefault(run.uri, 0L) == run.generation;
    }

    private void execute(Run run, Path file, String text) {
        if (!current(run)) return;
        ResultsBuilder builder = new ResultsBuilder(ResultCache.hash(text), text);
        TargetSpec target;
        JobRunner runner;
        try {
            target = JobTargets.of(text);
            runner = Runners.forTarget(target, JobTargets.config(settings));
        } catch (RuntimeException e) { // targets that disagree, a bad host name: say so, run nothing
            finish(run, file, builder.build(JobResults.State.DIED, "could not start the job: " + e.getMessage()), null);
            return;
        }
        run.where = JobTargets.describe(target);
        run.title = "Titans: running " + file.getFileName() + (JobTargets.remote(target) ? " on " + run.where : "");
        run.begun = true;
        listener.begin(run.uri, run.token, run.title);
        listener.status(new JobStatus(run.uri, run.token, "running", run.where, run.title, null));
        JobHandle handle;
        try {
            JobOptions options = JobOptions.defaults().withEnv(JobTargets.env(settings)).withListener(e -> {
                if (!current(run)) return;
                builder.accept(e);
                progress(run, e);
            });
            handle = runner.start(file, options);
        } catch (IOException | RuntimeException e) {
            finish(run, file, builder.build(JobResults.State.DIED, "could not start the job"
                    + (JobTargets.remote(target) ? " on " + run.where : "") + ": " + e.getMessage()), run.token);
            return;
        }
        boolean stale;
        synchronized (run) {
            run.handle = handle;
            stale = !current(run);
        }
        if (stale) { // cancelled while it was starting (uploading, submitting)
            cancelLater(handle);
            return;
        }
        JobOutcome outcome;
        try {
            outcome = handle.waitFor();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            return;
        }
        if (!current(run)) {
            LOG.fine(() -> "dropping results of stale run " + run.token);
            return;
        }
        if (outcome.resultDir() != null && Files.isRegularFile(outcome.resultDir().resolve("result.json"))) {
            builder.resultFile(outcome.resultDir().resolve("result.json").toString());
        }
        // Without `finished` the job died, the connection dropped or Slurm ended it: the runner's sentence says which.
        JobResults r = builder.finished() ? builder.build(JobResults.State.FINISHED, null)
                : builder.build(JobResults.State.DIED, outcome.message());
        finish(run, file, r, run.token);
    }

    private void finish(Run run, Path file, JobResults r, String token) {
        if (!runs.remove(run.uri, run)) return; // superseded meanwhile
        results.put(run.uri, r);
        String summary = summary(r);
        if (token != null) listener.end(token, summary);
        listener.status(new JobStatus(run.uri, run.token, r.passed() ? "finished" : "failed", run.where, run.title, summary));
        listener.changed(run.uri);
    }

    private void progress(Run run, JobEvent e) {
        if (e instanceof JobEvent.Runtime rt) {
            // Where the job really runs (the remote side's libtorch and device), told once, right after `started`.
            String line = "running on " + run.where + ": " + rt.summary();
            LOG.info(() -> run.title + ": " + line);
            listener.report(run.token, line, null);
            listener.status(new JobStatus(run.uri, run.token, "running", run.where, run.title, line));
        } else if (e instanceof JobEvent.Phase p) {
            listener.report(run.token, join(p.experiment(), p.phase(), p.message()), null);
        } else if (e instanceof JobEvent.Progress p) {
            Integer pct = p.total() > 0 ? (int) Math.min(100, 100 * p.done() / p.total()) : null;
            listener.report(run.token, join(p.experiment(), p.phase(), p.detail()), pct);
        } else if (e instanceof JobEvent.Metric m) {
            run.search.metric(m);
        } else if (e instanceof JobEvent.SearchTrial t) {
            SearchProgress.Line line = run.search.trial(t);
            listener.report(run.token, line.message(), line.percentage());
        } else if (e instanceof JobEvent.Log l) {
            // the runner's own steps (installing, uploading, submitted Slurm job N) and the job's warnings
            LOG.info(() -> run.title + ": " + l.message());
            listener.report(run.token, l.message(), null);
        } else if (e instanceof JobEvent.Result || e instanceof JobEvent.Expect || e instanceof JobEvent.Failed) {
            listener.changed(run.uri);
        }
    }

    static String summary(JobResults r) {
        return switch (r.state()) {
            case FINISHED -> {
                long failed = r.expects().stream().filter(v -> !v.passed()).count();
                if (!r.failures().isEmpty()) yield "failed: " + r.failures().get(0).message();
                yield r.expects().isEmpty() ? "finished" : failed == 0 ? "finished: every expect met"
                        : "finished: " + failed + " expect(s) not met";
            }
            case DIED -> r.detail();
            case CANCELLED -> "cancelled";
            case RUNNING -> "running";
        };
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (sb.length() > 0) sb.append(": ");
            sb.append(p);
        }
        return sb.toString();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
