package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * The SSH runner against a real sshd on loopback with a throwaway key and known_hosts (strict host key
 * checking on). tests/e2e/remote-ssh.sh starts that sshd and runs this class; without it the tests skip.
 * Environment: TITANS_IT_SSH_CONFIG (an ssh config file), TITANS_IT_SSH_HOST (its Host alias),
 * TITANS_IT_SSHD_PID (to drop connections).
 */
class SshRunnerIT {
    static String config;
    static String host;
    @TempDir static Path dir;

    @BeforeAll
    static void needsSshd() {
        config = System.getenv("TITANS_IT_SSH_CONFIG");
        host = System.getenv("TITANS_IT_SSH_HOST");
        Assumptions.assumeTrue(config != null && host != null, "skipped: no test sshd (run tests/e2e/remote-ssh.sh)");
    }

    static TargetSpec target(String workdir, String java, String titans) {
        return new TargetSpec("ssh", host, null, workdir, java, titans, null, null, null, null, null, null);
    }

    static RemoteConfig cfg(Distribution d) {
        return new RemoteConfig(List.of("-F", config), d, "0.1.0", null, null);
    }

    static SshRunner fake(String workdir) {
        return new SshRunner(target(workdir, null, FakeTitans.path().toString()), cfg(null));
    }

    static void await(List<JobEvent> seen, Predicate<JobEvent> what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.stream().noneMatch(what) && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(seen.stream().anyMatch(what), "event never came: " + seen);
    }

    @Test
    void aJobRunsOverSshAndItsFilesAreCachedOnce() throws Exception {
        String workdir = dir.resolve("remote1").toString();
        Path spec = FakeTitans.spec(dir.resolve("p1"), "quickstart", "ok");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobOutcome o = fake(workdir).start(spec, JobOptions.defaults().withListener(seen::add)).waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, o.status(), o.message());
        assertTrue(seen.contains(new JobEvent.Metric("quickstart", "baseline", "weights_bytes", 13, "B", null)), seen.toString());
        assertTrue(seen.stream().anyMatch(e -> e instanceof JobEvent.Log l && l.message().equals("uploading tiny.tt to " + host)));
        assertTrue(Files.readString(dir.resolve("p1/.titans/quickstart/result.json")).contains("titans-result/2"));

        List<JobEvent> second = new CopyOnWriteArrayList<>();
        assertEquals(JobOutcome.Status.SUCCEEDED, fake(workdir).start(spec, JobOptions.defaults().withListener(second::add)).waitFor().status());
        assertFalse(second.stream().anyMatch(e -> e instanceof JobEvent.Log l && l.message().startsWith("uploading")),
                "the cached weights are not uploaded again: " + second);
    }

    @Test
    void cancelEndsTheRemoteJob() throws Exception {
        Path spec = FakeTitans.spec(dir.resolve("p2"), "q", "sleep");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobHandle h = fake(dir.resolve("remote2").toString()).start(spec, JobOptions.defaults().withListener(seen::add).withJobId("cancel-me"));
        await(seen, e -> e instanceof JobEvent.Log l && "sleeping".equals(l.message()));
        long pgid = Long.parseLong(Files.readString(dir.resolve("remote2/jobs/cancel-me/pid")).strip());
        h.cancel();
        assertEquals(JobOutcome.Status.CANCELLED, h.waitFor().status());
        Thread.sleep(300);
        assertFalse(ProcessHandle.of(pgid).map(ProcessHandle::isAlive).orElse(false), "the remote job survived the cancel");
    }

    @Test
    void aDroppedConnectionIsReportedAndTheJobCanBeReattached() throws Exception {
        String sshd = System.getenv("TITANS_IT_SSHD_PID");
        Assumptions.assumeTrue(sshd != null, "skipped: TITANS_IT_SSHD_PID not set");
        Path spec = FakeTitans.spec(dir.resolve("p3"), "q", "sleep");
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        SshRunner runner = fake(dir.resolve("remote3").toString());
        JobHandle h = runner.start(spec, JobOptions.defaults().withListener(seen::add).withJobId("drop"));
        await(seen, e -> e instanceof JobEvent.Log l && "sleeping".equals(l.message()));
        // Kill the server side of every open session (the ones this test opened): the network "drops".
        ProcessHandle.of(Long.parseLong(sshd.strip())).orElseThrow().children().forEach(ProcessHandle::destroyForcibly);
        JobOutcome lost = h.waitFor();
        assertEquals(JobOutcome.Status.CONNECTION_LOST, lost.status(), lost.message());
        assertTrue(lost.message().startsWith("connection to " + host + " lost"), lost.message());
        assertTrue(lost.message().contains("re-attach to job drop"), lost.message());

        List<JobEvent> replay = new CopyOnWriteArrayList<>();
        JobHandle again = runner.attach(spec, "drop", JobOptions.defaults().withListener(replay::add));
        await(replay, e -> e instanceof JobEvent.Log l && "sleeping".equals(l.message()));
        assertTrue(replay.get(0) instanceof JobEvent.Started, "re-attaching starts from the first event");
        again.cancel();
        assertEquals(JobOutcome.Status.CANCELLED, again.waitFor().status());
    }

    @Test
    void theProjectsOwnBuildIsInstalledWhenTheHostHasNone() throws Exception {
        Path cli = Path.of(System.getProperty("user.dir")).resolve("../cli/target").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(cli.resolve("titans-cli.jar")), "skipped: no cli/target/titans-cli.jar");
        Distribution d = Distribution.at(cli);
        String workdir = dir.resolve("remote4").toString();
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        Staging s = new Staging(new SshTransport(host, List.of("-F", config)), cfg(d), seen::add);
        Staging.Prepared p = s.prepare(target(workdir, null, null));
        assertEquals("-jar", p.titans().get(p.titans().size() - 2));
        assertTrue(p.titans().get(p.titans().size() - 1).startsWith(Path.of(workdir).toRealPath() + "/titans-cli/"), p.titans().toString());
        assertTrue(seen.stream().anyMatch(e -> e instanceof JobEvent.Log l && l.message().startsWith("installing titans-cli")));
        seen.clear();
        assertEquals(p, s.prepare(target(workdir, null, null)));
        assertFalse(seen.stream().anyMatch(e -> e instanceof JobEvent.Log l && l.message().startsWith("installing")), "installed once");

        RemoteException noJava = assertThrows(RemoteException.class, () -> s.prepare(target(dir.resolve("remote5").toString(), "/opt/no/java", null)));
        assertTrue(noJava.getMessage().contains(host + " has no titans-cli on PATH, and no java to install it with"), noJava.getMessage());
    }

    @Test
    void anUnknownHostKeyIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
        SshRunner r = new SshRunner(target(dir.resolve("remote6").toString(), null, FakeTitans.path().toString()),
                new RemoteConfig(List.of("-F", config, "-o", "UserKnownHostsFile=" + empty), null, "0.1.0", null, null));
        RemoteException e = assertThrows(RemoteException.class, () -> r.start(FakeTitans.spec(dir.resolve("p6"), "q", "ok"), JobOptions.defaults()));
        assertTrue(e.getMessage().startsWith("cannot reach " + host + " over ssh"), e.getMessage());
        assertTrue(e.getMessage().contains("Host key verification failed"), e.getMessage());
    }

    @Test
    void aRealPruningRunOverSshMatchesTheLocalResult() throws Exception {
        Path cli = Path.of(System.getProperty("user.dir")).resolve("../cli/target").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(cli.resolve("titans-cli.jar")), "skipped: no cli/target/titans-cli.jar");
        Path samples = Path.of(System.getProperty("user.dir")).resolve("../samples").toAbsolutePath().normalize();
        String body = """
                experiment over_ssh {
                  model mnist-cnn { weights "%s" }
                  dataset mnist { path "%s" }
                  prune filters { criterion l1; ratio 50%% }
                  measure params, flops, accuracy
                  expect flops <= 60%%
                  TARGET
                }
                """.formatted(samples.resolve("models/mnist-cnn.tt"), samples.resolve("data/mnist"));
        String workdir = dir.resolve("remote7").toString();
        Path remoteSpec = Files.createDirectories(dir.resolve("p7")).resolve("s.prune");
        Files.writeString(remoteSpec, body.replace("TARGET", "target ssh \"" + host + "\" { workdir \"" + workdir + "\" }"));
        Path localSpec = Files.createDirectories(dir.resolve("p7local")).resolve("s.prune");
        Files.writeString(localSpec, body.replace("TARGET", "target cpu"));

        SshRunner runner = new SshRunner(target(workdir, null, null), cfg(Distribution.at(cli)));
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        JobOutcome outcome = runner.start(remoteSpec, JobOptions.defaults().withListener(seen::add)).waitFor();
        assertEquals(JobOutcome.Status.SUCCEEDED, outcome.status(), outcome.message() + " " + seen);
        var remote = com.google.gson.JsonParser.parseString(Files.readString(outcome.resultDir().resolve("result.json")))
                .getAsJsonObject().getAsJsonArray("experiments").get(0).getAsJsonObject();

        var events = new java.io.ByteArrayOutputStream();
        var local = new org.tinytitans.engine.job.SpecJob(localSpec, org.tinytitans.engine.job.JobOptions.defaults(),
                new org.tinytitans.engine.job.EventWriter(new java.io.PrintStream(events, true)),
                org.tinytitans.engine.train.Progress.NONE).run().result()
                .getAsJsonArray("experiments").get(0).getAsJsonObject();
        for (String side : List.of("baseline", "pruned")) {
            for (String metric : List.of("params", "flops", "accuracy")) {
                assertEquals(local.getAsJsonObject(side).get(metric).getAsDouble(), remote.getAsJsonObject(side).get(metric).getAsDouble(),
                        1e-9, side + " " + metric + " over ssh equals the local run");
            }
        }
        assertTrue(Files.isRegularFile(outcome.resultDir().resolve("experiments/over_ssh/model.tt")), "the pruned model came back");
    }
}
