package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * The SSH runner's whole flow (stage, detached start, follow, cancel, re-attach, results back) with this
 * machine standing in for the host: the same shell scripts, without sshd. SshRunnerIT repeats it over ssh.
 */
class SshJobScriptsTest {

    private static SshRunner runner(Path workdir) {
        TargetSpec t = new TargetSpec("ssh", "gpu1", null, workdir.toString(), null, FakeTitans.path().toString(),
                null, null, null, null, null, null);
        return new SshRunner(t, new RemoteConfig(List.of(), null, "0.1.0", null, null), new LocalTransport());
    }

    @Test
    void aJobRunsDetachedStreamsEventsAndItsResultsComeBack(@TempDir Path dir) throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("project"), "quickstart", "ok");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobHandle h = runner(dir.resolve("remote")).start(spec, JobOptions.defaults().withListener(seen::add).withJobId("job-1"));
        JobOutcome o = h.waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, o.status(), o.message());
        assertTrue(seen.contains(new JobEvent.Metric("quickstart", "baseline", "weights_bytes", 13, "B", null)),
                "the job found the shipped weights: " + seen);
        Path results = dir.resolve("project/.titans/quickstart");
        assertEquals(results, o.resultDir());
        assertTrue(Files.readString(results.resolve("experiments/quickstart/result.json")).contains("\"complete\""));
        Path jobDir = dir.resolve("remote/jobs/job-1");
        assertEquals("0", Files.readString(jobDir.resolve("exit")).strip());
        assertTrue(Files.readString(jobDir.resolve("quickstart.prune")).contains(dir.resolve("remote/cache").toRealPath().toString()));

        // Re-attaching replays the event file from its first line.
        JobHandle again = runner(dir.resolve("remote")).attach(spec, "job-1", JobOptions.defaults());
        assertEquals(JobOutcome.Status.SUCCEEDED, again.waitFor().status());
        assertEquals(h.events(), again.events());
    }

    @Test
    void cancellingKillsTheRemoteProcessGroup(@TempDir Path dir) throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("project"), "q", "sleep");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobHandle h = runner(dir.resolve("remote")).start(spec, JobOptions.defaults().withListener(seen::add).withJobId("c"));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (seen.stream().noneMatch(e -> e instanceof JobEvent.Log l && l.message().equals("sleeping")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long pgid = Long.parseLong(Files.readString(dir.resolve("remote/jobs/c/pid")).strip());
        assertTrue(ProcessHandle.of(pgid).isPresent(), "the job runs detached");
        h.cancel();
        JobOutcome o = h.waitFor();
        assertEquals(JobOutcome.Status.CANCELLED, o.status(), o.message());
        Thread.sleep(300);
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.isAlive() && pgidOf(p.pid()) == pgid), "a process of the job's group survived");
    }

    @Test
    void aJobThatDiesIsReportedWithItsExitStatus(@TempDir Path dir) throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("project"), "q", "die");
        JobOutcome o = runner(dir.resolve("remote")).start(spec, JobOptions.defaults()).waitFor();
        assertEquals(JobOutcome.Status.DIED, o.status());
        assertTrue(o.message().contains("on gpu1") || o.message().contains("on this machine"), o.message());
        assertTrue(o.message().contains("killed by signal 9"), o.message());
        assertTrue(o.message().contains("dying without finishing"), o.message());
    }

    @Test
    void attachingToAnUnknownJobSaysSo(@TempDir Path dir) throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("project"), "q", "ok");
        Files.createDirectories(dir.resolve("remote"));
        JobHandle h = runner(dir.resolve("remote")).attach(spec, "nope", JobOptions.defaults());
        JobOutcome o = h.waitFor();
        assertEquals(JobOutcome.Status.FAILED, o.status());
        assertTrue(o.message().contains("there is no job nope on this machine"), o.message());
    }

    private static long pgidOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[2]);
        } catch (Exception e) {
            return -1;
        }
    }
}
