package org.tinytitans.engine.job.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tinytitans.engine.job.reliability.JobFiles.assertClear;
import static org.tinytitans.engine.job.reliability.JobFiles.assertNoTemporaries;
import static org.tinytitans.engine.job.reliability.JobFiles.assertOnlyCompleteJson;
import static org.tinytitans.engine.job.reliability.JobFiles.first;
import static org.tinytitans.engine.job.reliability.JobFiles.has;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.ExitCodes;

/**
 * Faults in jobs: killed, out of memory, a native crash, a full disk, corrupt weights, a truncated dataset.
 * Each gives a clear diagnostic (or, for a killed process, a stream without `finished`), leaves only complete
 * JSON files (a temporary file only after a SIGKILL, never a damaged target), and the next run works.
 */
@Reliability
class JobFaultsTest {
    /** A quick experiment, then a slow one to be killed in. */
    static final String TWO = """
            model mnist-cnn { weights "$MODEL" }
            dataset mnist { path "$DATA" }
            experiment quick {
              prune filters { criterion l1; ratio 50% }
              measure flops, params
            }
            experiment slow {
              prune filters { criterion l1; ratio 30% }
              finetune { epochs 50 }
              measure flops, params, accuracy
            }
            """;
    static final String QUICK = """
            experiment quick {
              model mnist-cnn { weights "$MODEL" }
              dataset mnist { path "$DATA" }
              prune filters { criterion l1; ratio 50% }
              measure flops, params
            }
            """;

    @TempDir
    Path dir;

    @Test
    void killedJobLeavesCompleteFilesAndTheNextRunResumes() throws Exception {
        crashMidRun("KILL");
        Figures.record("job killed (SIGKILL) mid-run", 1, 0, 0, 1);
    }

    @Test
    void nativeCrashLeavesCompleteFilesAndTheNextRunResumes() throws Exception {
        crashMidRun("SEGV");
        Figures.record("job native crash (SIGSEGV) mid-run", 1, 0, 0, 1);
    }

    void crashMidRun(String signal) throws Exception {
        Path spec = Jobs.spec(dir, "two.prune", TWO, Jobs.model(), Jobs.data());
        Path out = dir.resolve("out");
        Jobs.Proc job = new Jobs.Proc(spec, out, dir.resolve("stderr.txt"), "-Xmx1g");
        try {
            assertTrue(job.await(e -> e.get("event").getAsString().equals("phase") && "slow".equals(str(e, "experiment"))),
                    "the slow experiment started; events: " + job.events);
            job.signal(signal);
            int code = job.waitFor();
            assertNotEquals(0, code, "a " + signal + " ends the process with a failure");
        } finally {
            job.process.destroyForcibly();
        }
        assertFalse(has(job.events, "finished"), "a killed job's stream ends without `finished`: readers report it as a crash");
        List<Path> tmp = assertOnlyCompleteJson(out);
        JsonObject result = JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject();
        assertEquals("interrupted", result.get("status").getAsString(), "result.json says the job did not finish");
        assertEquals(1, result.getAsJsonArray("experiments").size(), "the finished experiment is kept");
        assertTrue(Files.isRegularFile(out.resolve("experiments/quick/result.json")));
        if (signal.equals("SEGV")) {
            try (var files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("hs_err_")), "the JVM wrote its crash report");
            }
        }
        // The next run of the same spec (its quick experiment) reuses the finished point and completes.
        Jobs.Run next = Jobs.inProcess(spec, out, "quick");
        assertEquals(ExitCodes.OK, next.exitCode(), next.events().toString());
        assertTrue(next.events().stream().anyMatch(e -> e.get("event").getAsString().equals("log")
                && e.get("message").getAsString().contains("reusing")), "the finished point is reused");
        assertEquals("complete", JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject().get("status").getAsString());
        // A SIGKILL mid-write may leave a temporary sibling (tmp); its target was parsed complete above.
        System.out.println(signal + ": " + tmp.size() + " stray temporary file(s), targets intact");
    }

    @Test
    void outOfMemoryIsAClearFailureAndTheNextRunWorks() throws Exception {
        Path spec = Jobs.spec(dir, "big.prune", """
                experiment big {
                  model resnet50
                  dataset synthetic
                  prune filters { criterion l1; ratio 50% }
                  measure flops, params, latency
                }
                """, Jobs.model(), Jobs.data());
        Path out = dir.resolve("out");
        Jobs.Proc job = new Jobs.Proc(spec, out, dir.resolve("stderr.txt"), "-Xmx24m");
        int code = job.waitFor();
        assertEquals(ExitCodes.JOB_FAILED, code, "events: " + job.events);
        JsonObject failed = first(job.events, "failed");
        assertClear(failed, "OutOfMemoryError");
        assertEquals(ExitCodes.JOB_FAILED, first(job.events, "finished").get("exitCode").getAsInt());
        assertNoTemporaries(out);
        assertEquals("failed", JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject().get("status").getAsString());
        Jobs.Run next = Jobs.inProcess(Jobs.spec(dir, "quick.prune", QUICK, Jobs.model(), Jobs.data()), out);
        assertEquals(ExitCodes.OK, next.exitCode(), next.events().toString());
        Figures.record("job out of memory (-Xmx24m, resnet50)", 1, 0, 0, 1);
    }

    @Test
    void fullDiskIsAClearFailureWithoutHalfWrittenFiles() throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("tiny-disk"));
        assumeTrue(mount(mnt, "64k"), "cannot mount a tmpfs here (not root?)");
        try {
            Path spec = Jobs.spec(dir, "quick.prune", QUICK, Jobs.model(), Jobs.data());
            Path out = mnt.resolve("out");
            Jobs.Proc job = new Jobs.Proc(spec, out, dir.resolve("stderr.txt"), "-Xmx1g");
            assertEquals(ExitCodes.JOB_FAILED, job.waitFor(), job.events.toString());
            List<JsonObject> failures = job.events.stream().filter(e -> e.get("event").getAsString().equals("failed")).toList();
            assertFalse(failures.isEmpty(), job.events.toString());
            for (JsonObject f : failures) assertClear(f, "No space left on device");
            assertTrue(failures.stream().anyMatch(f -> f.get("message").getAsString().contains("cannot write")), "names the file: " + failures);
            assertEquals(ExitCodes.JOB_FAILED, first(job.events, "finished").get("exitCode").getAsInt(), "the job ends properly");
            assertNoTemporaries(out);
            // The same disk with room: the next run works.
            umount(mnt);
            assumeTrue(mount(mnt, "16m"), "cannot remount");
            Jobs.Run next = Jobs.inProcess(spec, out);
            assertEquals(ExitCodes.OK, next.exitCode(), next.events().toString());
            assertNoTemporaries(out);
        } finally {
            umount(mnt);
        }
        Figures.record("job full disk (64 KiB tmpfs)", 1, 0, 0, 1);
    }

    @Test
    void corruptWeightsAreAClearFailureAtTheModelLine() throws Exception {
        byte[] good = Files.readAllBytes(Jobs.model());
        byte[] flipped = good.clone();
        for (int i = good.length / 3; i < good.length / 3 + 4096; i++) flipped[i] = (byte) (flipped[i] ^ 0x5A);
        List<byte[]> corrupt = List.of(new byte[0], java.util.Arrays.copyOf(good, good.length / 2), flipped,
                "not a model at all\n".getBytes(), java.util.Arrays.copyOf(good, 100));
        int n = 0;
        for (byte[] bytes : corrupt) {
            Path weights = Files.write(dir.resolve("corrupt" + n + ".tt"), bytes);
            Path out = dir.resolve("out" + n);
            Jobs.Run run = Jobs.inProcess(Jobs.spec(dir, "c" + n + ".prune", QUICK, weights, Jobs.data()), out);
            assertEquals(ExitCodes.JOB_FAILED, run.exitCode(), "corrupt weights #" + n + ": " + run.events());
            JsonObject failed = first(run.events(), "failed");
            assertClear(failed, "corrupt" + n + ".tt");
            assertEquals(2, failed.get("line").getAsInt(), "at the model line: " + failed);
            assertNoTemporaries(out);
            n++;
        }
        Path out = dir.resolve("out-good");
        assertEquals(ExitCodes.OK, Jobs.inProcess(Jobs.spec(dir, "good.prune", QUICK, Jobs.model(), Jobs.data()), out).exitCode());
        Figures.record("job corrupt weights", corrupt.size(), 0, 0, corrupt.size());
    }

    @Test
    void truncatedDatasetIsAClearFailureAtTheDatasetLine() throws Exception {
        String spec = """
                experiment quick {
                  model mnist-cnn { weights "$MODEL" }
                  dataset mnist { path "$DATA" }
                  measure params, accuracy
                }
                """;
        List<String> files = List.of("test-images-idx3-ubyte.gz", "test-labels-idx1-ubyte.gz");
        int n = 0;
        for (String file : files) {
            for (double keep : new double[] {0.5, 0.0}) {
                Path data = copyMnist(dir.resolve("mnist" + n));
                Path f = data.resolve(file);
                byte[] all = Files.readAllBytes(f);
                Files.write(f, java.util.Arrays.copyOf(all, (int) (all.length * keep)));
                Path out = dir.resolve("out" + n);
                Jobs.Run run = Jobs.inProcess(Jobs.spec(dir, "d" + n + ".prune", spec, Jobs.model(), data), out);
                assertEquals(ExitCodes.JOB_FAILED, run.exitCode(), file + " cut to " + keep + ": " + run.events());
                JsonObject failed = first(run.events(), "failed");
                assertClear(failed, file);
                assertEquals(3, failed.get("line").getAsInt(), "at the dataset line: " + failed);
                assertNoTemporaries(out);
                n++;
            }
        }
        Jobs.Run next = Jobs.inProcess(Jobs.spec(dir, "ok.prune", spec, Jobs.model(), Jobs.data()), dir.resolve("out-ok"));
        assertEquals(ExitCodes.OK, next.exitCode(), next.events().toString());
        Figures.record("job truncated dataset", n, 0, 0, n);
    }

    static Path copyMnist(Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(Jobs.data())) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }

    static boolean mount(Path at, String size) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    static void umount(Path at) throws Exception {
        Process p = new ProcessBuilder("umount", at.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) new ProcessBuilder("umount", "-l", at.toString()).redirectErrorStream(true).start().waitFor();
    }

    static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }
}
