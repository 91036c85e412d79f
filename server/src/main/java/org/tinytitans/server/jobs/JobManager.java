package org.tinytitans.server.jobs;

import java.io.IOException;
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
import org.tinytitans.server.settings.TitansSettings;

/**
 * Runs specs as jobs, rust-analyzer flycheck style: each run of a document bumps its generation; a newer run
 * kills the older process first, is debounced, and whatever an older generation produces is dropped. One job
 * per document, {@link #MAX_CONCURRENT_JOBS} over all; results of finished runs go to the {@link ResultCache}.
 */
public final class JobManager {
    private static final Logger LOG = Logger.getLogger(JobManager.class.getName());

    private final TitansSettings settings;
    private final JobListener listener;
    private final ScheduledExecutorService scheduler;
    /** At most this many jobs run at once over all documents; later ones wait (and may be cancelled while waiting). */
    public static final int MAX_CONCURRENT_JOBS = 2;

    private final ExecutorService readers = Executors.newFixedThreadPool(MAX_CONCURRENT_JOBS, daemon("titans-job"));
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, JobResults> results = new ConcurrentHashMap<>();

    /** One scheduled or running job. */
    private static final class Run {
        final String uri;
        final long generation;
        final String token = "titans-run/" + UUID.randomUUID();
        volatile ScheduledFuture<?> pending;
        volatile JobProcess process;
        volatile boolean cancelled;

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

    /** The running job's process id, for tests and logs. */
    public Optional<Long> pid(String uri) {
        Run r = runs.get(uri);
        return r == null || r.process == null ? Optional.empty() : Optional.of(r.process.pid());
    }

    public void forget(String uri) {
        cancel(uri);
        results.remove(uri);
    }

    public void shutdown() {
        runs.keySet().forEach(u -> cancelRun(u, "server shutting down"));
        readers.shutdownNow();
    }

    private boolean cancelRun(String uri, String why) {
        Run old = runs.remove(uri);
        if (old == null) return false;
        old.cancelled = true;
        ScheduledFuture<?> p = old.pending;
        if (p != null) p.cancel(false);
        JobProcess proc = old.process;
        if (proc != null) {
            proc.kill();
            listener.end(old.token, why);
        }
        return true;
    }

    private boolean current(Run run) {
        return !run.cancelled && generations.getOrDefault(run.uri, 0L) == run.generation;
    }

    private void execute(Run run, Path file, String text) {
        if (!current(run)) return;
        String hash = ResultCache.hash(text);
        ResultsBuilder builder = new ResultsBuilder(hash, text);
        JobProcess proc;
        try {
            proc = JobProcess.start(JobCommand.of(settings, file), file.toAbsolutePath().getParent(),
                    Map.of("TITANS_DEFAULT_TARGET", settings.defaultTarget(), "TITANS_CARBON_REGION", settings.carbonRegion()));
        } catch (IOException e) {
            finish(run, file, builder.build(JobResults.State.DIED, null, "could not start the job: " + e.getMessage()), null);
            return;
        }
        synchronized (run) {
            run.process = proc;
        }
        if (!current(run)) { // cancelled between start and now
            proc.kill();
            return;
        }
        listener.begin(run.uri, run.token, "Titans: running " + file.getFileName());
        int code;
        try {
            code = proc.readEvents(e -> {
                if (!current(run)) return;
                builder.accept(e);
                progress(run, e);
            });
        } catch (InterruptedException e) {
            proc.kill();
            Thread.currentThread().interrupt();
            return;
        }
        if (!current(run)) {
            LOG.fine(() -> "dropping results of stale run " + run.token);
            return;
        }
        JobResults r;
        if (builder.finished()) {
            r = builder.build(JobResults.State.FINISHED, code, null);
        } else {
            String tail = proc.stderrTail();
            r = builder.build(JobResults.State.DIED, code, "the job process ended without finishing ("
                    + JobProcess.describeExit(code) + ")" + (tail.isBlank() ? "" : ": " + lastLine(tail)));
        }
        finish(run, file, r, run.token);
    }

    private void finish(Run run, Path file, JobResults r, String token) {
        if (!runs.remove(run.uri, run)) return; // superseded meanwhile
        if (r.state() == JobResults.State.FINISHED) ResultCache.save(file, r);
        results.put(run.uri, r);
        if (token != null) listener.end(token, summary(r));
        listener.changed(run.uri);
    }

    private void progress(Run run, JobEvent e) {
        switch (e.kind()) {
            case "phase" -> listener.report(run.token, join(e.string("experiment"), e.string("phase"), e.string("message")), null);
            case "progress" -> {
                Integer done = e.integer("done");
                Integer total = e.integer("total");
                Integer pct = done != null && total != null && total > 0 ? Math.min(100, 100 * done / total) : null;
                listener.report(run.token, join(e.string("experiment"), e.string("phase"), e.string("detail")), pct);
            }
            case "result", "expect", "failed" -> listener.changed(run.uri);
            default -> { }
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

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
