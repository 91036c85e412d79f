package org.tinytitans.engine.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tinytitans.engine.runtime.RuntimeChoice.Source;

/**
 * Chooses libtorch, in this order: a folder the user gave (the spec's {@code torch} property, else
 * PYTORCH_LIBRARY_PATH), the PyTorch python3 has, DJL's cache, DJL's download of the CUDA build matching the
 * driver (online only, and only with a driver), the bundled CPU natives. A folder the user gave that cannot be
 * used is an error, never silently passed over. A GPU job takes CUDA builds only.
 */
public final class RuntimeDecision {
    private RuntimeDecision() {}

    public static RuntimeChoice decide(RuntimeRequest request, RuntimeFacts facts) {
        List<Step> steps = new ArrayList<>();
        boolean gpu = request.wantGpu();
        RuntimeFacts.UserPath spec = facts.spec();
        RuntimeFacts.UserPath env = facts.env();
        if (spec.path() != null && env.path() != null && !spec.path().toAbsolutePath().normalize().equals(env.path().toAbsolutePath().normalize())) {
            steps.add(new Step(spec.origin(), "given", false));
            steps.add(new Step(env.origin(), env.path().toString(), false));
            return fail(steps, "PYTORCH_LIBRARY_PATH=" + env.path() + " and " + spec.origin() + " disagree, and DJL reads the environment first: "
                    + "unset PYTORCH_LIBRARY_PATH or drop the torch property");
        }
        for (RuntimeFacts.UserPath user : List.of(spec, env)) {
            if (user.path() == null) {
                steps.add(new Step(user.origin(), "not set", false));
                continue;
            }
            if (user.lib().isEmpty()) {
                steps.add(new Step(user.origin(), "no " + Platforms.libtorchFile(facts.classifier()) + " in " + user.path(), false));
                return fail(steps, user.origin() + ": " + user.path() + " holds no " + Platforms.libtorchFile(facts.classifier())
                        + " (give the lib/ folder of a PyTorch install, e.g. python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))' + /lib)");
            }
            Libtorch lib = user.lib().get();
            String problem = problem(lib, gpu);
            if (problem != null) {
                steps.add(new Step(user.origin(), lib.describe() + ": " + problem, false));
                return fail(steps, user.origin() + ": " + lib.describe() + ": " + problem);
            }
            steps.add(new Step(user.origin(), lib.describe() + ", glue: " + lib.glue(), true));
            return new RuntimeChoice(Source.USER, lib, null, steps, null);
        }

        String python = "python3's torch";
        if (facts.python().lib() == null) {
            steps.add(new Step(python, facts.python().problem(), false));
        } else if (facts.pythonLib().isEmpty()) {
            steps.add(new Step(python, "no " + Platforms.libtorchFile(facts.classifier()) + " in " + facts.python().lib(), false));
        } else {
            Libtorch lib = facts.pythonLib().get();
            String problem = problem(lib, gpu);
            if (problem == null) {
                steps.add(new Step(python, lib.describe() + ", glue: " + lib.glue(), true));
                return new RuntimeChoice(Source.PYTHON, lib, null, steps, null);
            }
            steps.add(new Step(python, lib.describe() + ": " + problem + "; skipped", false));
        }

        String cache = "DJL cache " + facts.cache();
        boolean cudaFirst = gpu || facts.driver() != null;
        Optional<Libtorch> cached = facts.cached().stream().filter(l -> problem(l, gpu) == null)
                .min(Comparator.comparing((Libtorch l) -> l.cuda() != cudaFirst).thenComparing(l -> !"2.7.1".equals(l.version())));
        if (cached.isPresent()) {
            steps.add(new Step(cache, cached.get().describe() + ", glue: " + cached.get().glue(), true));
            return new RuntimeChoice(Source.CACHE, cached.get(), null, steps, null);
        }
        steps.add(new Step(cache, facts.cached().isEmpty() ? "no libtorch build for " + facts.classifier()
                : String.join(", ", facts.cached().stream().map(l -> l.version() + "-" + l.flavor() + " (" + problem(l, gpu) + ")").toList()), false));

        String download = "DJL download";
        String noDownload = request.offline() ? "not tried: offline (--offline, ai.djl.offline or DJL_OFFLINE)"
                : facts.driver() == null ? "no NVIDIA driver here, and the CPU build is bundled"
                : facts.bundled().map(BundledNatives.Jar::onClassPath).orElse(false) ? "the CPU natives jar is on the class path (a development build), and DJL would load it instead"
                : !facts.online().getAsBoolean() ? Connectivity.HOST + " is not reachable"
                : null;
        if (noDownload == null) {
            steps.add(new Step(download, "the CUDA build matching driver " + facts.driver(), true));
            return new RuntimeChoice(Source.DOWNLOAD, null, null, steps, null);
        }
        steps.add(new Step(download, noDownload, false));

        String bundled = "bundled CPU natives";
        if (facts.bundled().isEmpty()) {
            steps.add(new Step(bundled, "none (no natives/ folder beside lib/, none on the class path)", false));
        } else if (gpu) {
            steps.add(new Step(bundled, facts.bundled().get().file() + ": CPU only", false));
        } else {
            steps.add(new Step(bundled, facts.bundled().get().file().toString(), true));
            return new RuntimeChoice(Source.BUNDLED, null, facts.bundled().get().file(), steps, null);
        }
        return fail(steps, gpu
                ? "no CUDA libtorch found for target gpu. Tried: " + Step.join(steps)
                  + ". To run on a GPU: install torch 2.7.1 with CUDA in python3, or give its lib/ folder as target gpu { torch \"/path\" } (docs/gpu.md)"
                : "no libtorch found. Tried: " + Step.join(steps));
    }

    /** Why this libtorch cannot serve the job, or null when it can. */
    static String problem(Libtorch lib, boolean gpu) {
        if (!lib.usable()) {
            String stock = JniGlue.stockVersion();
            return "no DJL " + JniGlue.DJL_VERSION + " JNI glue for it (the stock one is for libtorch "
                    + (stock == null ? "2.7.1" : stock.substring(0, stock.indexOf('-'))) + "; docs/gpu.md says how to build one)";
        }
        if (gpu && !lib.cuda()) return "a CPU-only build";
        return null;
    }

    private static RuntimeChoice fail(List<Step> steps, String why) {
        return new RuntimeChoice(null, null, null, steps, why);
    }
}
