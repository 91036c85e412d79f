package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * The Slurm runner against a real single-node Slurm; tests/e2e/remote-slurm.sh starts it (sbatch and friends
 * on PATH) and sets TITANS_IT_SLURM=1; without it the tests skip. TITANS_IT_SLURM_SLOW=1 adds the TIMEOUT
 * case (Slurm needs 60-90 s to enforce a one-minute limit).
 */
class SlurmRunnerIT {
    @TempDir static Path dir;

    @BeforeAll
    static void needsSlurm() {
        Assumptions.assumeTrue("1".equals(System.getenv("TITANS_IT_SLURM")), "skipped: no test Slurm (run tests/e2e/remote-slurm.sh)");
    }

    static SlurmRunner runner(String name, Long mem, String time) {
        TargetSpec t = new TargetSpec("slurm", "debug", null, dir.resolve("work-" + name).toString(), null,
                FakeTitans.path().toString(), null, 1, mem, time, null, null);
        return new SlurmRunner(t, new RemoteConfig(List.of(), null, "0.1.0", null, Duration.ofMillis(500)));
    }

    @Test
    void aJobRunsThroughSbatchAndItsResultsComeBack() throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("p1"), "quickstart", "ok");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobOutcome o = runner("one", 100L << 20, "00:05:00").start(spec, JobOptions.defaults().withListener(seen::add)).waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, o.status(), o.message());
        assertTrue(seen.stream().anyMatch(e -> e instanceof JobEvent.Log l && l.message().matches("submitted Slurm job \\d+ on this machine")), seen.toString());
        assertTrue(seen.contains(new JobEvent.Metric("quickstart", "baseline", "weights_bytes", 13, "B", null)), seen.toString());
        assertTrue(Files.isRegularFile(dir.resolve("p1/.titans/quickstart/experiments/quickstart/result.json")));
    }

    @Test
    void sbatchOnALoginNodeOverSsh() throws Exception {
        String config = System.getenv("TITANS_IT_SSH_CONFIG");
        String host = System.getenv("TITANS_IT_SSH_HOST");
        Assumptions.assumeTrue(config != null && host != null, "skipped: no test sshd for the login node");
        TargetSpec t = new TargetSpec("slurm", "debug", null, dir.resolve("work-login").toString(), null,
                FakeTitans.path().toString(), null, null, null, "00:05:00", null, null);
        SlurmRunner r = new SlurmRunner(t, new RemoteConfig(List.of("-F", config), null, "0.1.0", host, Duration.ofMillis(500)));
        Path spec = FakeTitans.spec(dir.resolve("p7"), "login", "ok");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobOutcome o = r.start(spec, JobOptions.defaults().withListener(seen::add)).waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, o.status(), o.message());
        assertTrue(seen.stream().anyMatch(e -> e instanceof JobEvent.Log l && l.message().matches("submitted Slurm job \\d+ on " + host)), seen.toString());
        assertTrue(seen.contains(new JobEvent.Metric("quickstart", "baseline", "weights_bytes", 13, "B", null)), seen.toString());
        assertTrue(Files.isRegularFile(dir.resolve("p7/.titans/login/result.json")), "results came back over scp");
    }

    @Test
    void aSweepIsAnArrayJobWithOneTaskPerPoint() throws Exception {
        Path p = Files.createDirectories(dir.resolve("p2"));
        Files.createDirectories(p.resolve("models"));
        Files.writeString(p.resolve("models/tiny.tt"), "weights-bytes");
        Path spec = Files.writeString(p.resolve("sweep.prune"), "experiment quickstart {\n  model mnist-cnn { weights \"models/tiny.tt\" }\n"
                + "  prune filters { ratio 30%, 50%, 70% }\n}\n");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobOutcome o = runner("sweep", null, null).start(spec, JobOptions.defaults().withListener(seen::add)).waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, o.status(), o.message());
        assertTrue(seen.stream().anyMatch(e -> e instanceof JobEvent.Log l && l.message().endsWith("(array of 3 tasks)")), seen.toString());
        assertEquals(3, seen.stream().filter(JobEvent.Finished.class::isInstance).count());
        for (int k = 0; k < 3; k++) {
            assertTrue(Files.isRegularFile(p.resolve(".titans/sweep/experiments/quickstart-" + k + "/result.json")), "point " + k);
        }
    }

    @Test
    void whatSlurmRefusesIsSaid() throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("p3"), "q", "ok");
        RemoteException e = assertThrows(RemoteException.class,
                () -> runner("huge", 999_999L << 20, null).start(spec, JobOptions.defaults()));
        assertTrue(e.getMessage().startsWith("sbatch refused the job on this machine: "), e.getMessage());
        assertTrue(e.getMessage().contains("Requested node configuration is not available"), e.getMessage());
    }

    @Test
    void cancelIsScancel() throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("p4"), "q", "sleep");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        SlurmRunner r = runner("cancel", null, null);
        JobHandle h = r.start(spec, JobOptions.defaults().withListener(seen::add));
        SshRunnerIT.await(seen, e -> e instanceof JobEvent.Log l && "sleeping".equals(l.message()));
        String slurmId = seen.stream().filter(e -> e instanceof JobEvent.Log l && l.message().startsWith("submitted"))
                .map(e -> ((JobEvent.Log) e).message().split(" ")[3]).findFirst().orElseThrow();
        h.cancel();
        JobOutcome o = h.waitFor();
        assertEquals(JobOutcome.Status.CANCELLED, o.status(), o.message());
        List<String> states = r.states(slurmId);
        for (int i = 0; i < 50 && (SlurmStates.active(states) || states.isEmpty()); i++) {
            Thread.sleep(200); // COMPLETING for a moment while slurmd ends the job's processes
            states = r.states(slurmId);
        }
        assertEquals("CANCELLED", SlurmStates.worst(states), states.toString());
    }

    @Test
    void aJobThatDiesShowsSlurmsVerdict() throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("p5"), "q", "die");
        JobOutcome o = runner("die", null, null).start(spec, JobOptions.defaults()).waitFor();
        assertEquals(JobOutcome.Status.DIED, o.status(), o.message());
        assertTrue(o.message().matches(".*Slurm job \\d+ failed \\(FAILED\\).*"), o.message());
    }

    @Test
    void aTimeoutIsReportedAsSuch() throws Exception {
        Assumptions.assumeTrue("1".equals(System.getenv("TITANS_IT_SLURM_SLOW")), "skipped: slow (set TITANS_IT_SLURM_SLOW=1)");
        Path spec = FakeTitans.spec(dir.resolve("p6"), "q", "sleep");
        JobOutcome o = runner("timeout", null, "1").start(spec, JobOptions.defaults()).waitFor();
        assertEquals(JobOutcome.Status.DIED, o.status(), o.message());
        assertTrue(o.message().contains("hit its time limit (TIMEOUT, time \"1\"): raise `time` in the target"), o.message());
    }

    @Test
    void aRealSweepRunsAsAnArrayAndItsPointsMeetInOneResult() throws Exception {
        Path cli = Path.of(System.getProperty("user.dir")).resolve("../cli/target").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(cli.resolve("titans-cli.jar")), "skipped: no cli/target/titans-cli.jar");
        Path samples = Path.of(System.getProperty("user.dir")).resolve("../samples").toAbsolutePath().normalize();
        Path p = Files.createDirectories(dir.resolve("p8"));
        Path launcher = p.resolve("titans-cli");
        Files.writeString(launcher, "#!/bin/sh\nexec java -Dai.djl.offline=true -jar " + cli.resolve("titans-cli.jar") + " \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Path spec = Files.writeString(p.resolve("real.prune"), """
                experiment real {
                  model mnist-cnn { weights "%s" }
                  prune filters { criterion l1, random; ratio 25%% }
                  measure params, flops
                }
                """.formatted(samples.resolve("models/mnist-cnn.tt")));
        TargetSpec t = new TargetSpec("slurm", "debug", null, dir.resolve("work-real").toString(), null,
                launcher.toString(), null, 1, null, "00:10:00", null, null);
        SlurmRunner r = new SlurmRunner(t, new RemoteConfig(List.of(), null, "0.1.0", null, Duration.ofMillis(500)));
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobOutcome o = r.start(spec, JobOptions.defaults().withListener(seen::add)).waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, o.status(), o.message() + " " + seen);
        var doc = com.google.gson.JsonParser.parseString(Files.readString(o.resultDir().resolve("result.json"))).getAsJsonObject();
        assertEquals(2, doc.getAsJsonArray("experiments").size(), "both array tasks' points are in result.json");
        assertEquals("complete", doc.get("status").getAsString());
        for (var e : doc.getAsJsonArray("experiments")) {
            var x = e.getAsJsonObject();
            assertTrue(x.getAsJsonObject("pruned").get("params").getAsLong() < x.getAsJsonObject("baseline").get("params").getAsLong());
        }
    }
}
