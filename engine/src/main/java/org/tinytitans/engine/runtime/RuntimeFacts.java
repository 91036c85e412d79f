package org.tinytitans.engine.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tinytitans.engine.metrics.CommandRunner;

/**
 * Everything the choice of libtorch depends on, gathered once; {@link RuntimeDecision} is a pure function of it,
 * so every combination of present and absent sources is a unit test. {@code online} is asked only when the
 * choice reaches DJL's download (it may take a second).
 */
public record RuntimeFacts(String classifier, Path cache, UserPath spec, UserPath env, PythonTorch.Probe python,
                           Optional<Libtorch> pythonLib, List<Libtorch> cached, String driver,
                           BooleanSupplier online, Optional<BundledNatives.Jar> bundled) {

    /** A folder the user pointed at: where they said it (origin), the path, and the libtorch in it (if any). */
    public record UserPath(String origin, Path path, Optional<Libtorch> lib) {
        static UserPath none(String origin) {
            return new UserPath(origin, null, Optional.empty());
        }
    }

    static RuntimeFacts gather(RuntimeRequest request, CommandRunner runner) {
        String classifier = Platforms.classifier();
        Path cache = DjlCache.folder();
        UserPath spec = request.torch() == null ? UserPath.none("torch property")
                : new UserPath("torch \"" + request.torch() + "\" (" + request.torchOrigin() + ")", request.torch(),
                        LibtorchFolder.inspect(request.torch(), cache, classifier));
        String envPath = System.getenv("PYTORCH_LIBRARY_PATH");
        UserPath env = envPath == null || envPath.isBlank() ? UserPath.none("PYTORCH_LIBRARY_PATH")
                : new UserPath("PYTORCH_LIBRARY_PATH", Path.of(envPath), LibtorchFolder.inspect(Path.of(envPath), cache, classifier));
        PythonTorch.Probe python = PythonTorch.probe();
        Optional<Libtorch> pythonLib = python.lib() == null ? Optional.empty() : LibtorchFolder.inspect(python.lib(), cache, classifier);
        return new RuntimeFacts(classifier, cache, spec, env, python, pythonLib, DjlCache.entries(cache, classifier),
                CudaDevices.driver(runner).orElse(null), Connectivity::djlReachable, BundledNatives.find(classifier));
    }
}
