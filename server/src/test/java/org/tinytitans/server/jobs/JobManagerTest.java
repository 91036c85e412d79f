package org.tinytitans.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.server.jobs.FakeJob.await;
import static org.tinytitans.server.jobs.FakeJob.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.server.settings.TitansSettings;

/** Jobs as real processes (a shell script speaking the events protocol). */
class JobManagerTest {
    static final String URI = "file:///spec.prune";

    @TempDir
    Path dir;
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final Recorder recorder = new Recorder();
    final TitansSettings settings = new TitansSettings();
    JobManager jobs;

    /** Records what the manager tells the server, and every results snapshot it announced. */
    final class Recorder implements JobListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Optional<JobResults>> seen = new CopyOnWriteArrayList<>();

        @Override
        public void begin(String uri, String token, String title) {
            calls.add("begin " + token);
        }

        @Override
        public void report(String token, String message, Integer percentage) {
            calls.add("report " + message + " " + percentage);
        }

        @Override
        public void end(String token, String message) {
            calls.add("end " + token + " " + message);
        }

        @Override
        public void changed(String uri) {
            seen.add(jobs.results(uri));
        }

        @Override
        public void status(JobStatus s) {
            calls.add("status " + s.state() + " " + s.target() + " " + s.message());
        }

        String token() {
            return calls.stream().filter(c -> c.startsWith("begin ")).reduce((a, b) -> b).orElseThrow().substring(6);
        }
    }

    JobManager manager() {
        settings.merge(FakeJob.settings(true));
        return new JobManager(settings, recorder, scheduler);
    }

    @AfterEach
    void stop() {
        if (jobs != null) jobs.shutdown();
        scheduler.shutdownNow();
    }

    /** A local job's id is its process id (JobHandle). */
    long pid(String uri) {
        return Long.parseLong(jobs.jobId(uri).orElseThrow());
    }

    Path write(String text) throws Exception {
        Path spec = dir.resolve("spec.prune");
        Files.writeString(spec, text);
        return spec;
    }

    boolean finishedWith(String tag) {
        return jobs.results(URI).filter(r -> r.state() == JobResults.State.FINISHED)
                .map(r -> r.expects().get(0).text().equals(tag)).orElse(false);
    }

    @Test
    void aRunReportsProgressAndResultsAndCachesThem() throws Exception {
        jobs = manager();
        String text = spec("first", 0);
        Path spec = write(text);
        jobs.run(URI, spec, text, false);
        await("results", () -> finishedWith("first") && !jobs.running(URI));
        JobResults r = jobs.results(URI).orElseThrow();
        assertEquals(2, r.metrics().size());
        assertEquals(6, r.expects().get(0).line());
        assertFalse(r.expects().get(0).passed());
        assertTrue(recorder.calls.stream().anyMatch(c -> c.equals("report e: scoring: scoring filters null")), recorder.calls.toString());
        assertTrue(recorder.calls.stream().anyMatch(c -> c.equals("report e: finetune 50")), recorder.calls.toString());
        assertTrue(recorder.calls.stream().anyMatch(c -> c.startsWith("end ") && c.endsWith("1 expect(s) not met")), recorder.calls.toString());
        assertTrue(Files.isRegularFile(ResultCache.file(spec)));
        // where it ran: the job's runtime event, in the progress and the status
        assertTrue(recorder.calls.contains("report running on cpu: fake libtorch on cpu null"), recorder.calls.toString());
        assertTrue(recorder.calls.contains("status running cpu running on cpu: fake libtorch on cpu"), recorder.calls.toString());
        assertTrue(recorder.calls.contains("status failed cpu finished: 1 expect(s) not met"), recorder.calls.toString());
    }

    @Test
    void theEditorSettingsReachTheJobAsItsEnvironment() throws Exception {
        jobs = manager();
        settings.merge(com.google.gson.JsonParser.parseString("{\"carbonRegion\": \"BRA\", \"defaultTarget\": \"gpu 1\"}"));
        String text = spec("env", 0);
        jobs.run(URI, write(text), text, false);
        await("results", () -> finishedWith("env"));
        assertTrue(recorder.calls.contains("report env region=BRA target=gpu 1 null"), recorder.calls.toString());
    }

    @Test
    void aRemoteTargetThatCannotBeReachedIsAClearFailure() throws Exception {
        jobs = manager();
        // a real ssh call (the name cannot resolve), through the same runner as `titans-cli run`
        String text = "experiment e {\n  model resnet56\n  target ssh \"titans-nowhere.invalid\"\n}\n";
        jobs.run(URI, write(text), text, false);
        await("the failure", () -> jobs.results(URI).isPresent());
        JobResults r = jobs.results(URI).orElseThrow();
        assertEquals(JobResults.State.DIED, r.state());
        assertTrue(r.detail().startsWith("could not start the job on ssh titans-nowhere.invalid: "), r.detail());
        assertTrue(recorder.calls.stream().anyMatch(c -> c.startsWith("begin ")), "the run showed progress while connecting");
        assertTrue(recorder.calls.stream().anyMatch(c -> c.startsWith("status failed ssh titans-nowhere.invalid could not start")), recorder.calls.toString());
        assertFalse(Files.exists(dir.resolve("job-pids")), "nothing ran here");
    }

    @Test
    void aNewerSaveKillsTheOlderJobAndItsResultsNeverShow() throws Exception {
        jobs = manager();
        String slow = spec("old", 30);
        Path spec = write(slow);
        jobs.run(URI, spec, slow, false);
        await("the first job to start", () -> jobs.jobId(URI).isPresent());
        long oldPid = pid(URI);
        String fast = spec("new", 0);
        write(fast);
        jobs.run(URI, spec, fast, false);
        await("the newer results", () -> finishedWith("new"));
        await("the old process to end", () -> ProcessHandle.of(oldPid).map(p -> !p.isAlive()).orElse(true));
        assertTrue(recorder.seen.stream().flatMap(Optional::stream).noneMatch(r -> r.expects().stream().anyMatch(v -> v.text().equals("old"))),
                "results of the superseded run were dropped");
    }

    @Test
    void cancellingTheProgressTokenEndsTheProcess() throws Exception {
        jobs = manager();
        String slow = spec("slow", 30);
        Path spec = write(slow);
        jobs.run(URI, spec, slow, false);
        await("the job to start", () -> jobs.jobId(URI).isPresent() && recorder.calls.stream().anyMatch(c -> c.startsWith("begin")));
        long pid = pid(URI);
        assertTrue(jobs.cancelToken(recorder.token()));
        await("the process to end", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertFalse(jobs.running(URI));
        assertTrue(recorder.calls.contains("end " + recorder.token() + " cancelled"), recorder.calls.toString());
        assertTrue(jobs.results(URI).isEmpty());
    }

    @Test
    void aJobKilledWithSigkillIsAClearFailureAndTheNextRunWorks() throws Exception {
        jobs = manager();
        String slow = spec("doomed", 30);
        Path spec = write(slow);
        jobs.run(URI, spec, slow, false);
        await("the job to start", () -> jobs.jobId(URI).isPresent());
        ProcessHandle job = ProcessHandle.of(pid(URI)).orElseThrow();
        List<ProcessHandle> children = job.descendants().toList();
        job.destroyForcibly(); // SIGKILL, as the OOM killer
        children.forEach(ProcessHandle::destroyForcibly); // the script's sleep, which holds no pipe
        await("the failure", () -> jobs.results(URI).map(r -> r.state() == JobResults.State.DIED).orElse(false));
        String detail = jobs.results(URI).orElseThrow().detail();
        assertTrue(detail.contains("ended without `finished`") && detail.contains("killed by signal 9"), detail);
        String fine = spec("again", 0);
        write(fine);
        jobs.run(URI, spec, fine, false);
        await("the next run", () -> finishedWith("again"));
    }

    @Test
    void jobsOfOtherDocumentsWaitForAFreeSlotAndCanBeCancelledWhileWaiting() throws Exception {
        jobs = manager();
        List<Path> specs = new java.util.ArrayList<>();
        for (int i = 0; i <= JobManager.MAX_CONCURRENT_JOBS; i++) {
            Path sub = Files.createDirectories(dir.resolve("d" + i));
            Path spec = sub.resolve("spec.prune");
            String text = spec("job" + i, i < JobManager.MAX_CONCURRENT_JOBS ? 30 : 0);
            Files.writeString(spec, text);
            specs.add(spec);
            jobs.run("file:///d" + i, spec, text, false);
        }
        for (int i = 0; i < JobManager.MAX_CONCURRENT_JOBS; i++) {
            int k = i;
            await("job " + k + " to start", () -> jobs.jobId("file:///d" + k).isPresent());
        }
        String waiting = "file:///d" + JobManager.MAX_CONCURRENT_JOBS;
        assertTrue(jobs.running(waiting) && jobs.jobId(waiting).isEmpty(), "the third job waits for a slot");
        jobs.cancel("file:///d0");
        await("the waiting job to run once a slot is free", () -> jobs.results(waiting)
                .map(r -> r.state() == JobResults.State.FINISHED).orElse(false));
    }

    @Test
    void aJobThatExitsWithoutFinishingFails() throws Exception {
        jobs = manager();
        String quiet = spec("quiet", 0) + "# quiet\n";
        Path spec = write(quiet);
        jobs.run(URI, spec, quiet, false);
        await("the failure", () -> jobs.results(URI).map(r -> r.state() == JobResults.State.DIED).orElse(false));
        assertTrue(jobs.results(URI).orElseThrow().detail().contains("exit code 3"));
        assertFalse(Files.exists(ResultCache.file(spec)), "failed runs are not cached");
    }

    @Test
    void resultsSurviveARestartAndAnUnchangedSpecIsNotRunAgain() throws Exception {
        jobs = manager();
        String text = spec("cached", 0);
        Path spec = write(text);
        jobs.run(URI, spec, text, false);
        await("results", () -> finishedWith("cached") && !jobs.running(URI));
        jobs.shutdown();
        Files.delete(dir.resolve("job-pids"));

        jobs = new JobManager(settings, recorder, scheduler); // a restarted server
        assertTrue(jobs.loadCached(URI, spec, text));
        assertEquals("cached", jobs.results(URI).orElseThrow().expects().get(0).text());
        jobs.run(URI, spec, text, false);
        assertFalse(jobs.running(URI), "served from the cache");
        assertFalse(Files.exists(dir.resolve("job-pids")), "no process started");
        assertFalse(jobs.loadCached(URI, spec, text + "# changed\n"));
    }

    @Test
    void aCommandThatCannotStartIsAFailure() throws Exception {
        settings.merge(com.google.gson.JsonParser.parseString("{\"jobCommand\": [\"/nonexistent/titans-job\"]}"));
        jobs = new JobManager(settings, recorder, scheduler);
        settings.merge(com.google.gson.JsonParser.parseString("{\"debounceMs\": 0}"));
        String text = spec("x", 0);
        jobs.run(URI, write(text), text, false);
        await("the failure", () -> jobs.results(URI).isPresent());
        assertTrue(jobs.results(URI).orElseThrow().detail().contains("could not start the job"));
    }
}
