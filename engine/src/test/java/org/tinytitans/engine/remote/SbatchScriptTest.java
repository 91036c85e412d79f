package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.language.resolve.TargetSpec;

class SbatchScriptTest {
    static TargetSpec slurm(String partition, Integer gpus, Integer cpus, Long mem, String time, String account) {
        return new TargetSpec("slurm", partition, null, null, null, null, gpus, cpus, mem, time, account, null);
    }

    @Test
    void resourcesBecomeDirectives() {
        List<String> d = SbatchScript.directives(slurm("gpu", 2, 8, 16L << 30, "02:00:00", "proj1"), "quickstart", "/w/jobs/1", 0);
        assertEquals(List.of("--job-name=titans-quickstart", "--partition=gpu", "--output=/w/jobs/1/slurm-%j.out",
                "--gpus=2", "--cpus-per-task=8", "--mem=16384M", "--time=02:00:00", "--account=proj1"), d);
    }

    @Test
    void aSweepIsOneArrayJob() {
        List<String> d = SbatchScript.directives(slurm("debug", null, null, 1500L * 1000 * 1000, null, null), "my sweep", "/w/jobs/1", 9);
        assertEquals(List.of("--job-name=titans-my_sweep", "--partition=debug", "--output=/w/jobs/1/slurm-%A_%a.out",
                "--mem=1431M", "--array=0-8"), d);
        assertEquals(List.of("events-0.jsonl", "events-1.jsonl"), SbatchScript.eventFiles(2));
        assertEquals(List.of("events.jsonl"), SbatchScript.eventFiles(0));
    }

    @Test
    void nothingFromTheSpecCanAddADirective() {
        assertThrows(RemoteException.class, () -> SbatchScript.directives(slurm("gpu\n#SBATCH --uid=0", null, null, null, null, null), "q", "/w/j", 0));
        assertThrows(RemoteException.class, () -> SbatchScript.directives(slurm("gpu", null, null, null, "1:00\n#SBATCH -x", null), "q", "/w/j", 0));
        assertThrows(RemoteException.class, () -> SbatchScript.directives(slurm("gpu", null, null, null, null, "a;b"), "q", "/w/j", 0));
        assertThrows(RemoteException.class, () -> SbatchScript.directives(slurm("gpu", null, null, null, null, null), "q", "/w/my job", 0));
    }

    @Test
    void anArrayTaskRunsItsPointIntoItsOwnEventFile(@TempDir Path dir) throws IOException {
        Path spec = FakeTitans.spec(dir, "sweep", "ok");
        String script = SbatchScript.render(slurm("debug", null, null, null, null, null), "sweep", dir.toString(),
                List.of(FakeTitans.path().toString()), spec.toString(), 3, null);
        assertTrue(script.startsWith("#!/bin/sh\n#SBATCH --job-name=titans-sweep\n"), script);
        assertTrue(script.contains("#SBATCH --array=0-2\n"), script);
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script);
        pb.environment().put("SLURM_ARRAY_TASK_ID", "1");
        Exec.Result r = Exec.run(pb, Duration.ofSeconds(30));
        assertEquals(0, r.exit(), r.err());
        EventReader events = new EventReader(null);
        Files.readAllLines(dir.resolve("events-1.jsonl")).forEach(events::accept);
        assertEquals(new JobEvent.Finished(0, ".titans/sweep/result.json"), events.finishes().get(0));
        assertEquals(List.of("quickstart-1"), ((JobEvent.Started) events.events().get(0)).experiments());
    }

    @Test
    void aSingleJobWritesEventsJsonl(@TempDir Path dir) throws IOException {
        Path spec = FakeTitans.spec(dir, "one", "ok");
        String script = SbatchScript.render(slurm(null, null, null, null, null, null), "one", dir.toString(),
                List.of(FakeTitans.path().toString()), spec.toString(), 0, 4);
        assertTrue(!script.contains("--partition") && !script.contains("--array"), script);
        Exec.Result r = Exec.run(new ProcessBuilder("sh", "-c", script), Duration.ofSeconds(30));
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(dir.resolve("events.jsonl")).contains("quickstart-4"));
    }

    @Test
    void gpusRequestGpusAndTheJobGetsItsEnvironmentQuoted(@TempDir Path dir) throws IOException {
        Path spec = FakeTitans.spec(dir, "gpu", "ok");
        String hostile = "BRA'; touch pwned; echo '$(id)";
        // a stand-in job that prints the variable it was given
        List<String> titans = List.of("sh", "-c", "printf '%s\\n' \"$TITANS_CARBON_REGION\"", "job");
        String script = SbatchScript.render(slurm("gpu", 2, null, null, null, null), "gpu", dir.toString(), titans,
                spec.toString(), 0, null, java.util.Map.of("TITANS_CARBON_REGION", hostile));
        assertTrue(script.contains("\n#SBATCH --gpus=2\n"), script);
        assertTrue(!script.contains("--gres"), "--gpus, not the older --gres=gpu:N: " + script);
        Exec.Result r = Exec.run(new ProcessBuilder("sh", "-c", script), Duration.ofSeconds(30));
        assertEquals(0, r.exit(), r.err());
        assertEquals(hostile, Files.readString(dir.resolve("events.jsonl")).strip());
        assertTrue(!Files.exists(dir.resolve("pwned")), "the value reached the job as data, not as shell");
    }
}
