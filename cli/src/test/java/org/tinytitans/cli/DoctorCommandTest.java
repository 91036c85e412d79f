package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `titans-cli doctor` and `target gpu` for real, each in a fresh JVM (a process loads one libtorch): a libtorch
 * folder given by path (the bundled CPU natives unpacked into a folder of its own) is the one loaded; a folder
 * without libtorch and a GPU job on this CPU-only machine give sentences naming what was tried, never a trace.
 */
class DoctorCommandTest {

    @TempDir
    Path tmp;

    record Proc(int exitCode, String out, String err) {}

    static Proc titans(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TitansCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().put("TORCH_CPP_LOG_LEVEL", "ERROR");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "titans-cli " + String.join(" ", args) + " did not end");
        return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The bundled CPU natives (on this test class path) unpacked into a folder of their own, as a user's libtorch. */
    Path unpackedLibtorch() throws Exception {
        Path jar = Path.of(Class.forName("org.tinytitans.engine.runtime.InstallFolder").getResource("/native/lib/pytorch.properties")
                .toString().replaceFirst("^jar:file:", "").replaceFirst("!/.*$", ""));
        Path lib = Files.createDirectories(tmp.resolve("libtorch/lib"));
        try (var j = new java.util.jar.JarFile(jar.toFile())) {
            for (var e : java.util.Collections.list(j.entries())) {
                String prefix = "pytorch/cpu/linux-x86_64/";
                if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                    try (var in = j.getInputStream(e)) {
                        Files.copy(in, lib.resolve(e.getName().substring(prefix.length())));
                    }
                }
            }
        }
        Files.writeString(lib.getParent().resolve("build-version"), "2.7.1+cpu\n"); // as a libtorch zip has it
        return lib;
    }

    @Test
    void aLibtorchFolderGivenByPathIsLoadedFromThereAndDoctorSaysSo() throws Exception {
        Path lib = unpackedLibtorch();
        Proc p = titans(tmp, "--offline", "doctor", "--json", "--torch", lib.toString());
        assertEquals(0, p.exitCode(), p.out() + p.err());
        JsonObject r = JsonParser.parseString(p.out()).getAsJsonObject();
        assertEquals("the folder you gave", r.getAsJsonObject("libtorch").get("source").getAsString());
        assertEquals(lib.toString(), r.getAsJsonObject("libtorch").get("path").getAsString());
        JsonObject loaded = r.getAsJsonObject("loaded");
        assertTrue(loaded.get("ok").getAsBoolean(), loaded.toString());
        assertEquals(lib.toString(), loaded.get("path").getAsString(), "DJL loaded libtorch from the folder given");
        assertEquals("2.7.1", loaded.get("version").getAsString());
    }

    @Test
    void aFolderWithoutLibtorchIsASentenceNotAStackTrace() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-torch-here"));
        Proc p = titans(tmp, "--offline", "doctor", "--torch", empty.toString());
        assertEquals(3, p.exitCode(), p.out() + p.err());
        assertTrue(p.out().contains(empty + " holds no libtorch.so"), p.out());
        assertFalse((p.out() + p.err()).contains("Exception"), p.out() + p.err());
    }

    @Test
    void targetGpuOnThisCpuOnlyMachineNamesEachSourceTried() throws Exception {
        Path spec = Files.writeString(tmp.resolve("gpu.prune"), "experiment g {\n  model mnist-cnn { weights \""
                + Path.of("../samples/models/mnist-cnn.tt").toAbsolutePath().normalize() + "\" }\n  dataset mnist { path \""
                + Path.of("../samples/data/mnist").toAbsolutePath().normalize() + "\" }\n  measure flops\n  target gpu\n}\n");
        Proc p = titans(tmp, "--offline", "run", spec.toString());
        assertEquals(3, p.exitCode(), p.out() + p.err());
        String all = p.out() + p.err();
        for (String source : List.of("no CUDA libtorch found for target gpu", "torch property", "PYTORCH_LIBRARY_PATH", "python3's torch",
                "DJL cache", "DJL download", "bundled CPU natives")) {
            assertTrue(all.contains(source), source + " missing from: " + all);
        }
        assertFalse(all.contains("Exception"), all);
    }
}
