package org.tinytitans.engine.job.reliability;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.tinytitans.engine.job.EventWriter;
import org.tinytitans.engine.job.JobOptions;
import org.tinytitans.engine.job.JobResult;
import org.tinytitans.engine.job.SpecJob;
import org.tinytitans.engine.train.Progress;

/** Runs jobs in this JVM (SpecJob) or as a real JobMain process, and reads their event streams. */
final class Jobs {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    private Jobs() {}

    /** A spec file with $MODEL and $DATA replaced by the shipped sample model and MNIST data (or given paths). */
    static Path spec(Path dir, String name, String body, Path model, Path data) throws IOException {
        String text = body.replace("$MODEL", model.toString()).replace("$DATA", data.toString());
        return Files.writeString(dir.resolve(name), text);
    }

    static Path model() {
        return SAMPLES.resolve("models/mnist-cnn.tt");
    }

    static Path data() {
        return SAMPLES.resolve("data/mnist");
    }

    record Run(int exitCode, List<JsonObject> events) {}

    static Run inProcess(Path spec, Path out) throws IOException {
        return inProcess(spec, out, null);
    }

    static Run inProcess(Path spec, Path out, String experiment) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobResult r = new SpecJob(spec, new JobOptions(experiment, null, out, true),
                new EventWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8)), Progress.NONE).run();
        return new Run(r.exitCode(), parse(bytes.toString(StandardCharsets.UTF_8)));
    }

    static List<JsonObject> parse(String lines) {
        List<JsonObject> out = new ArrayList<>();
        for (String l : lines.split("\n")) if (!l.isBlank()) out.add(JsonParser.parseString(l).getAsJsonObject());
        return out;
    }

    /** A JobMain process on this test class path; its events are collected live, its stderr goes to a file. */
    static final class Proc {
        final Process process;
        final List<JsonObject> events = new CopyOnWriteArrayList<>();
        final Thread reader;

        Proc(Path spec, Path out, Path stderr, String... jvm) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of(jvm));
            cmd.add("-XX:-CreateCoredumpOnCrash");
            cmd.add("-XX:ErrorFile=" + stderr.resolveSibling("hs_err_%p.log"));
            cmd.add("-Dai.djl.offline=true");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("org.tinytitans.engine.job.JobMain");
            cmd.addAll(List.of("--events", "--out", out.toString(), spec.toString()));
            process = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = in.readLine()) != null; ) {
                        if (l.startsWith("{")) events.add(JsonParser.parseString(l).getAsJsonObject());
                    }
                } catch (IOException | RuntimeException e) {
                    // the process died mid-line: what was read is what there is
                }
            }, "job-events");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits (generous limit) for an event matching the condition; false if the job ended first. */
        boolean await(Predicate<JsonObject> condition) throws InterruptedException {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (events.stream().anyMatch(condition)) return true;
                if (!process.isAlive() && !reader.isAlive()) return events.stream().anyMatch(condition);
                Thread.sleep(10);
            }
            return false;
        }

        int waitFor() throws InterruptedException {
            int code = process.waitFor();
            reader.join(10_000);
            return code;
        }

        void signal(String name) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        }
    }
}
