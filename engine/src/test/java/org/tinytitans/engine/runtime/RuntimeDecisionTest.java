package org.tinytitans.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.runtime.RuntimeChoice.Source;

/**
 * The choice of libtorch as a decision table: each source present or absent, usable or not (version without
 * JNI glue, CPU build for a GPU job), offline or online. Folders are real (libtorch.so and version.py files);
 * the stock pytorch-jni jar on the test class path provides glue for 2.7.1 as it does for users.
 */
class RuntimeDecisionTest {
    static final String LINUX = "linux-x86_64";

    @TempDir
    Path tmp;

    /** A pip-style torch package: torch/version.py and torch/lib/libtorch.so. */
    Path pipTorch(String name, String version, boolean glueBeside) throws IOException {
        Path torch = Files.createDirectories(tmp.resolve(name).resolve("torch"));
        Files.writeString(torch.resolve("version.py"), "__version__ = '" + version + "'\ncuda = None\n");
        Path lib = Files.createDirectories(torch.resolve("lib"));
        Files.writeString(lib.resolve("libtorch.so"), "");
        if (version.contains("cu")) Files.writeString(lib.resolve("libtorch_cuda.so"), "");
        if (glueBeside) Files.writeString(lib.resolve("0.36.0-libdjl_torch.so"), "");
        return lib;
    }

    Path cacheWith(String... builds) throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        for (String b : builds) Files.writeString(Files.createDirectories(cache.resolve(b + "-" + LINUX)).resolve("libtorch.so"), "");
        return cache;
    }

    /** Facts with nothing found anywhere; the with* methods add one source each. */
    record Facts(RuntimeFacts.UserPath spec, RuntimeFacts.UserPath env, PythonTorch.Probe python, Path cache,
                 String driver, boolean online, Optional<BundledNatives.Jar> bundled) {
        static Facts nothing(Path cache) {
            return new Facts(RuntimeFacts.UserPath.none("torch property"), RuntimeFacts.UserPath.none("PYTORCH_LIBRARY_PATH"),
                    new PythonTorch.Probe("python3", null, "no torch package for python3"), cache, null, false, Optional.empty());
        }

        Facts spec(Path p) {
            return new Facts(user("torch \"" + p + "\" (spec.prune:3)", p), env, python, cache, driver, online, bundled);
        }

        Facts env(Path p) {
            return new Facts(spec, user("PYTORCH_LIBRARY_PATH", p), python, cache, driver, online, bundled);
        }

        Facts python(Path lib) {
            return new Facts(spec, env, new PythonTorch.Probe("python3", lib, null), cache, driver, online, bundled);
        }

        Facts driver(String d, boolean isOnline) {
            return new Facts(spec, env, python, cache, d, isOnline, bundled);
        }

        Facts bundled(boolean onClassPath) {
            return new Facts(spec, env, python, cache, driver, online,
                    Optional.of(new BundledNatives.Jar(Path.of("natives/pytorch-native-cpu-2.7.1-linux-x86_64.jar"), onClassPath, "2.7.1", "cpu")));
        }

        private RuntimeFacts.UserPath user(String origin, Path p) {
            return new RuntimeFacts.UserPath(origin, p, LibtorchFolder.inspect(p, cache, LINUX));
        }

        RuntimeFacts facts() {
            Optional<Libtorch> pythonLib = python.lib() == null ? Optional.empty() : LibtorchFolder.inspect(python.lib(), cache, LINUX);
            return new RuntimeFacts(LINUX, cache, spec, env, python, pythonLib, DjlCache.entries(cache, LINUX), driver, () -> online, bundled);
        }
    }

    static RuntimeChoice cpu(Facts f, boolean offline) {
        return RuntimeDecision.decide(new RuntimeRequest(null, null, false, offline), f.facts());
    }

    static RuntimeChoice gpu(Facts f) {
        return RuntimeDecision.decide(new RuntimeRequest(null, null, true, false), f.facts());
    }

    @Test
    void offlineCpuMachineFallsBackToTheBundledNatives() throws IOException {
        RuntimeChoice c = cpu(Facts.nothing(cacheWith()).bundled(false), true);
        assertEquals(Source.BUNDLED, c.source());
        assertEquals(List.of("torch property", "PYTORCH_LIBRARY_PATH", "python3's torch", "DJL cache " + tmp.resolve("cache"), "DJL download", "bundled CPU natives"),
                c.steps().stream().map(Step::source).toList());
        assertTrue(c.steps().get(4).found().contains("offline"), c.tried());
    }

    @Test
    void gpuJobOnACpuOnlyMachineNamesEverySourceTried() throws IOException {
        RuntimeChoice c = gpu(Facts.nothing(cacheWith("2.7.1-cpu")).bundled(false));
        assertTrue(c.failed());
        for (String s : List.of("torch property: not set", "PYTORCH_LIBRARY_PATH: not set", "python3's torch: no torch package",
                "2.7.1-cpu (a CPU-only build)", "DJL download: no NVIDIA driver", "bundled CPU natives: natives/pytorch-native-cpu-2.7.1-linux-x86_64.jar: CPU only")) {
            assertTrue(c.failure().contains(s), s + " missing from: " + c.failure());
        }
    }

    @Test
    void aFolderTheUserGaveWinsAndIsNeverPassedOverSilently() throws IOException {
        Path lib = pipTorch("user", "2.7.1+cu126", false);
        RuntimeChoice c = gpu(Facts.nothing(cacheWith("2.7.1-cpu")).spec(lib).python(pipTorch("py", "2.7.1+cu126", false)).bundled(false));
        assertEquals(Source.USER, c.source());
        assertEquals(lib.toAbsolutePath().normalize(), c.lib().dir());
        assertEquals("cu128", c.lib().flavor(), "a cu126 wheel is driven through the stock cu128 glue");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RuntimeChoice none = cpu(Facts.nothing(cacheWith()).spec(empty).bundled(false), true);
        assertTrue(none.failed());
        assertTrue(none.failure().contains(empty + " holds no libtorch.so"), none.failure());
    }

    @Test
    void aCpuBuildTheUserGaveIsAnErrorForAGpuJob() throws IOException {
        RuntimeChoice c = gpu(Facts.nothing(cacheWith()).env(pipTorch("cpu", "2.7.1+cpu", false)).bundled(false));
        assertTrue(c.failed());
        assertTrue(c.failure().startsWith("PYTORCH_LIBRARY_PATH: libtorch 2.7.1 cpu at "), c.failure());
        assertTrue(c.failure().endsWith("a CPU-only build"), c.failure());
    }

    @Test
    void specAndEnvironmentThatDisagreeAreAnError() throws IOException {
        RuntimeChoice c = cpu(Facts.nothing(cacheWith()).spec(pipTorch("a", "2.7.1", false)).env(pipTorch("b", "2.7.1", false)), true);
        assertTrue(c.failed());
        assertTrue(c.failure().contains("DJL reads the environment first"), c.failure());
    }

    @Test
    void pythonTorchOfAnotherVersionNeedsGlueBuiltForIt() throws IOException {
        RuntimeChoice skipped = cpu(Facts.nothing(cacheWith()).python(pipTorch("old", "1.13.1", false)).bundled(false), true);
        assertEquals(Source.BUNDLED, skipped.source());
        assertTrue(skipped.steps().get(2).found().contains("libtorch 1.13.1 cpu") && skipped.steps().get(2).found().contains("no DJL 0.36.0 JNI glue"),
                skipped.tried());

        RuntimeChoice built = cpu(Facts.nothing(cacheWith()).python(pipTorch("new", "2.11.0+cu130", true)).bundled(false), true);
        assertEquals(Source.PYTHON, built.source());
        assertEquals("2.11.0", built.lib().version());
        assertEquals("cu130", built.lib().flavor());
    }

    @Test
    void cachePrefersCudaWhereThereIsADriverAndTheCpuBuildWhereThereIsNone() throws IOException {
        Facts f = Facts.nothing(cacheWith("2.7.1-cpu", "2.7.1-cu128")).bundled(false);
        assertEquals("cpu", cpu(f, true).lib().flavor());
        assertEquals("cu128", cpu(f.driver("580.82", false), true).lib().flavor());
        assertEquals("cu128", gpu(f).lib().flavor());
    }

    @Test
    void bundledNativesUnpackedByUsAreNotMistakenForDjlsCache() throws IOException {
        Path cache = cacheWith("2.7.1-cpu");
        Files.writeString(cache.resolve("2.7.1-cpu-" + LINUX).resolve(DjlCache.BUNDLED_MARK), "");
        assertEquals(Source.BUNDLED, cpu(Facts.nothing(cache).bundled(false), true).source());
    }

    @Test
    void djlDownloadsOnlyOnlineWithADriverAndNoCpuJarOnTheClassPath() throws IOException {
        Facts base = Facts.nothing(cacheWith());
        assertEquals(Source.DOWNLOAD, gpu(base.driver("580.82", true).bundled(false)).source());
        assertNull(gpu(base.driver("580.82", true).bundled(false)).lib());
        RuntimeChoice offline = cpu(base.driver("580.82", true).bundled(false), true);
        assertEquals(Source.BUNDLED, offline.source());
        RuntimeChoice unreachable = gpu(base.driver("580.82", false).bundled(false));
        assertTrue(unreachable.failed() && unreachable.failure().contains("publish.djl.ai is not reachable"), unreachable.failure());
        RuntimeChoice dev = gpu(base.driver("580.82", true).bundled(true));
        assertTrue(dev.failed() && dev.failure().contains("on the class path"), dev.failure());
    }

    @Test
    void nothingAtAllIsASentenceNotAnException() throws IOException {
        RuntimeChoice c = cpu(Facts.nothing(cacheWith()), true);
        assertTrue(c.failed());
        assertTrue(c.failure().startsWith("no libtorch found. Tried: torch property: not set;"), c.failure());
        assertNull(c.source());
    }
}
