package org.tinytitans.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.tinytitans.engine.metrics.CommandRunner;
import org.tinytitans.engine.runtime.RuntimeChoice.Source;

/**
 * The one place a process chooses its libtorch (docs/gpu.md): every job (CLI, editor, SSH, Slurm) calls
 * {@link #ensure} before its first tensor. The choice is handed to DJL as PYTORCH_LIBRARY_PATH, PYTORCH_VERSION
 * and PYTORCH_FLAVOR system properties, which DJL reads when its engine first loads; a process loads one libtorch,
 * so a later job that would choose another one in the same process is refused with the reason.
 */
public final class TorchRuntime {

    /** A failure to find or load libtorch: a sentence for the user, naming every source tried. */
    public static final class RuntimeException extends java.lang.RuntimeException {
        public RuntimeException(String message) {
            super(message);
        }
    }

    /** The choice as applied: for {@link Source#BUNDLED} the folder it was unpacked to. */
    public record Applied(RuntimeChoice choice, Libtorch lib) {
        public String summary() {
            String where = lib == null ? "downloaded by DJL" : lib.describe();
            return where + " (" + choice.source().label + ")";
        }
    }

    private static Applied applied;

    private TorchRuntime() {}

    /** Chooses and applies libtorch for this process, or throws with a sentence naming every source tried. */
    public static synchronized Applied ensure(RuntimeRequest request) {
        RuntimeChoice choice = RuntimeDecision.decide(request, RuntimeFacts.gather(request, CommandRunner.PROCESS));
        if (choice.failed()) throw new RuntimeException(choice.failure());
        Applied now = new Applied(choice, resolve(choice));
        if (applied != null) {
            if (!Objects.equals(dir(applied), dir(now))) {
                throw new RuntimeException("this process already runs " + applied.summary() + "; this job asks for "
                        + now.summary() + ": run it on its own (a separate titans-cli run)");
            }
            return applied;
        }
        apply(now);
        applied = now;
        return now;
    }

    /**
     * DJL's PyTorch engine, loaded from the libtorch this process chose: a job's choice when a job made one, else the
     * choice for a CPU job. Every engine use goes through here (or {@link Devices#manager}), so that tools, tests and
     * benchmarks that never start a job load the same libtorch a job would, never DJL's own guess.
     */
    public static ai.djl.engine.Engine engine() {
        ensureAny();
        return ai.djl.engine.Engine.getEngine("PyTorch");
    }

    private static boolean loaded;

    /**
     * Applies the CPU job's choice unless a choice was applied already, and loads DJL's engine with libtorch's own
     * warnings silenced (NativeLogs); cheap after the first call.
     */
    public static synchronized void ensureAny() {
        if (loaded) return;
        if (applied == null) ensure(RuntimeRequest.cpu());
        ai.djl.engine.Engine.getEngine("PyTorch");
        String path = RuntimeReport.libtorchPathLoaded();
        NativeLogs.quiet(path == null ? null : Path.of(path));
        loaded = true;
    }

    /** What this process applied, if it did. */
    public static synchronized Optional<Applied> current() {
        return Optional.ofNullable(applied);
    }

    private static Path dir(Applied a) {
        return a.lib() == null ? null : a.lib().dir();
    }

    private static Libtorch resolve(RuntimeChoice choice) {
        if (choice.source() != Source.BUNDLED) return choice.lib();
        try {
            String classifier = Platforms.classifier();
            Path dir = BundledNatives.unpack(choice.bundledJar(), DjlCache.folder());
            return LibtorchFolder.inspect(dir, DjlCache.folder(), classifier)
                    .orElseThrow(() -> new IOException("no " + Platforms.libtorchFile(classifier) + " in " + dir));
        } catch (IOException e) {
            throw new RuntimeException("the bundled CPU natives " + choice.bundledJar() + " could not be unpacked: " + e.getMessage());
        }
    }

    private static void apply(Applied a) {
        Libtorch lib = a.lib();
        if (lib == null) return; // DJL's own download: it finds the driver's CUDA build itself
        System.setProperty("PYTORCH_LIBRARY_PATH", lib.dir().toString());
        if (lib.version() != null) System.setProperty("PYTORCH_VERSION", lib.version());
        System.setProperty("PYTORCH_FLAVOR", lib.flavor());
        if (lib.cuda()) cudaRuntimeFolder(lib.dir()).ifPresent(d -> System.setProperty("jna.library.path", d.toString()));
    }

    /**
     * DJL counts GPUs as usable only when it also finds libcudart through JNA; a pip torch keeps it in
     * site-packages/nvidia/cuda_runtime/lib, a libtorch zip beside libtorch.
     */
    static Optional<Path> cudaRuntimeFolder(Path libDir) {
        Path parent = libDir.getParent();
        List<Path> candidates = parent == null || parent.getParent() == null ? List.of(libDir)
                : List.of(libDir, parent.getParent().resolve("nvidia").resolve("cuda_runtime").resolve("lib"));
        for (Path d : candidates) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                if (s.anyMatch(f -> f.getFileName().toString().startsWith("libcudart"))) return Optional.of(d);
            } catch (IOException e) {
                // unreadable: try the next
            }
        }
        return Optional.empty();
    }
}
