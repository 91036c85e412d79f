package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunnerTest {

    private static LocalRunner fake() {
        return new LocalRunner(List.of(FakeTitans.path().toString(), "run"));
    }

    @Test
    void theDefaultCommandIsJobMainOnThisClassPath() {
        List<String> argv = new LocalRunner().commandFor(Path.of("/x/q.prune"), JobOptions.defaults().withPoint(2));
        assertTrue(argv.contains(LocalRunner.JOB_MAIN), argv.toString());
        assertEquals(List.of("--events", "/x/q.prune", "--point", "2"), argv.subList(argv.size() - 4, argv.size()));
        // this class path, each entry absolute: the job runs in the spec's folder
        List<String> cp = List.of(argv.get(argv.indexOf("-cp") + 1).split(java.io.File.pathSeparator));
        assertTrue(cp.stream().allMatch(e -> Path.of(e).isAbsolute()), cp.toString());
        assertEquals(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString()).toList(), cp);
    }

    @Test
    void jobMainTakesTheJavaOptionsAndTheJobItsEnvironment(@TempDir Path dir) throws Exception {
        List<String> argv = LocalRunner.jobMain(List.of("-Xmx1g"));
        assertEquals(List.of("-Xmx1g", "-Dai.djl.offline=true", "-cp"), argv.subList(1, 4));
        assertEquals(LocalRunner.JOB_MAIN, argv.get(argv.size() - 1));
        Path spec = FakeTitans.spec(dir, "env", "ok");
        List<String> seen = new CopyOnWriteArrayList<>();
        LocalRunner r = new LocalRunner(List.of("sh", "-c", "printf '{\"v\":1,\"event\":\"log\",\"message\":\"%s\"}\\n' \"$TITANS_CARBON_REGION\"", "job"));
        JobOutcome o = r.start(spec, JobOptions.defaults().withEnv(java.util.Map.of("TITANS_CARBON_REGION", "BRA"))
                .withListener(e -> { if (e instanceof JobEvent.Log l) seen.add(l.message()); })).waitFor();
        assertEquals(List.of("BRA"), seen);
        assertEquals(JobOutcome.Status.DIED, o.status(), "no `finished`: " + o.message());
    }

    @Test
    void aJobThatFinishesSucceedsAndStreamsItsEvents(@TempDir Path dir) throws Exception {
        Path spec = FakeTitans.spec(dir, "quickstart", "ok");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobHandle h = fake().start(spec, JobOptions.defaults().withListener(seen::add));
        JobOutcome o = h.waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, o.status(), o.message());
        assertEquals(dir.resolve(".titans/quickstart").toRealPath(), o.resultDir().toRealPath());
        assertEquals(h.events(), seen);
        assertTrue(seen.contains(new JobEvent.Metric("quickstart", "baseline", "weights_bytes", 13, "B", null)), seen.toString());
        assertTrue(h.isDone());
    }

    @Test
    void aFailedJobSaysWhy(@TempDir Path dir) throws Exception {
        JobOutcome o = fake().start(FakeTitans.spec(dir, "q", "fail"), JobOptions.defaults()).waitFor();
        assertEquals(JobOutcome.Status.FAILED, o.status());
        assertEquals(1, o.exitCode());
        assertEquals("the job failed (exit code 1): expectation failed: flops <= 10%", o.message());
    }

    @Test
    void aJobKilledBeforeFinishingDied(@TempDir Path dir) throws Exception {
        JobOutcome o = fake().start(FakeTitans.spec(dir, "q", "die"), JobOptions.defaults()).waitFor();
        assertEquals(JobOutcome.Status.DIED, o.status());
        assertTrue(o.message().contains("ended without `finished`"), o.message());
        assertTrue(o.message().contains("killed by signal 9"), o.message());
        assertTrue(o.message().contains("dying without finishing"), "the job's last stderr lines: " + o.message());
    }

    @Test
    void cancellingEndsTheJobAndItsChildren(@TempDir Path dir) throws Exception {
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobHandle h = fake().start(FakeTitans.spec(dir, "q", "sleep"), JobOptions.defaults().withListener(seen::add));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (seen.stream().noneMatch(e -> e instanceof JobEvent.Log) && System.nanoTime() < deadline) Thread.sleep(20);
        long pid = Long.parseLong(h.id());
        List<ProcessHandle> tree = ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
        assertFalse(tree.isEmpty(), "the fake job sleeps in a child process");
        h.cancel();
        JobOutcome o = h.waitFor();
        assertEquals(JobOutcome.Status.CANCELLED, o.status());
        for (ProcessHandle p : tree) {
            p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(p.isAlive(), "child " + p.pid() + " outlived the cancel");
        }
        h.cancel(); // twice is fine
    }

    @Test
    void aMissingSpecIsAClearError(@TempDir Path dir) {
        RemoteException e = org.junit.jupiter.api.Assertions.assertThrows(RemoteException.class,
                () -> fake().start(dir.resolve("none.prune"), JobOptions.defaults()));
        assertTrue(e.getMessage().startsWith("no spec file "));
    }

    @Test
    void runnersFollowTheTarget() {
        var cpu = new org.tinytitans.language.resolve.TargetSpec("cpu", null, null, null, null, null, null, null, null, null, null, null);
        var ssh = new org.tinytitans.language.resolve.TargetSpec("ssh", "gpu1", 1, null, null, null, null, null, null, null, null, null);
        var slurm = new org.tinytitans.language.resolve.TargetSpec("slurm", "debug", null, null, null, null, null, null, null, null, null, null);
        RemoteConfig c = new RemoteConfig(List.of(), null, "0.1.0", null, null);
        assertTrue(Runners.forTarget(cpu, c) instanceof LocalRunner);
        assertTrue(Runners.forTarget(ssh, c) instanceof SshRunner);
        assertTrue(Runners.forTarget(slurm, c) instanceof SlurmRunner);
        var badHost = new org.tinytitans.language.resolve.TargetSpec("ssh", "-oProxyCommand=x", null, null, null, null, null, null, null, null, null, null);
        org.junit.jupiter.api.Assertions.assertThrows(RemoteException.class, () -> Runners.forTarget(badHost, c));
        org.junit.jupiter.api.Assertions.assertThrows(RemoteException.class,
                () -> new SshRunner(ssh, c.withSshOptions(List.of("-o", "StrictHostKeyChecking=no"))));
    }
}
