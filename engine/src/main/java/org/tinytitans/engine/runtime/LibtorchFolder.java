package org.tinytitans.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a folder holding libtorch is: a pip torch's lib/ (version in ../version.py), a libtorch zip's lib/
 * (../build-version), or a DJL cache folder (its name: 2.7.1-cu128-linux-x86_64, or 2.7.1-20250812-cpu-linux-x86_64
 * where DJL unpacked its natives jar). The version decides which JNI
 * glue DJL can use; "+cu126" or the presence of libtorch_cuda decides the flavor.
 */
final class LibtorchFolder {
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:\\+(cu\\d+|cpu|rocm[\\d.]+))?");
    private static final Pattern PY_VERSION = Pattern.compile("__version__\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern CACHE_NAME = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:-\\d+)?-([a-z0-9]+)(?:-precxx11)?-([a-z]+-[a-z0-9_]+)");

    private LibtorchFolder() {}

    static boolean holdsLibtorch(Path dir, String classifier) {
        return dir != null && Files.isRegularFile(dir.resolve(Platforms.libtorchFile(classifier)));
    }

    /** The libtorch in dir, or empty when dir holds none. Its glue is null when DJL has none for it. */
    static Optional<Libtorch> inspect(Path dir, Path cache, String classifier) {
        if (!holdsLibtorch(dir, classifier)) return Optional.empty();
        String version = null;
        String flavor = null;
        Matcher cacheName = dir.getFileName() == null ? null : CACHE_NAME.matcher(dir.getFileName().toString());
        String text = versionText(dir);
        if (text != null) {
            Matcher m = VERSION.matcher(text.trim());
            if (m.lookingAt()) {
                version = m.group(1);
                flavor = m.group(2);
            }
        } else if (cacheName != null && cacheName.matches()) {
            version = cacheName.group(1);
            flavor = cacheName.group(2);
        }
        if (flavor == null) {
            String cudaLib = classifier.startsWith("win") ? "torch_cuda.dll" : "libtorch_cuda" + (classifier.startsWith("osx") ? ".dylib" : ".so");
            flavor = Files.isRegularFile(dir.resolve(cudaLib)) ? "cu" : "cpu";
        }
        Optional<JniGlue.Found> glue = JniGlue.find(dir, version, flavor, cache, classifier);
        return Optional.of(new Libtorch(dir.toAbsolutePath().normalize(), version,
                glue.map(JniGlue.Found::flavor).orElse(flavor), glue.map(JniGlue.Found::where).orElse(null)));
    }

    /** "2.7.1+cu126" from ../version.py (pip wheels) or ../build-version (libtorch zips); null if neither. */
    private static String versionText(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null) return null;
        try {
            Path py = parent.resolve("version.py");
            if (Files.isRegularFile(py)) {
                Matcher m = PY_VERSION.matcher(Files.readString(py));
                if (m.find()) return m.group(1);
            }
            Path build = parent.resolve("build-version");
            if (Files.isRegularFile(build)) return Files.readString(build).trim();
        } catch (IOException | RuntimeException e) {
            // unreadable: the version stays unknown and DJL's glue cannot be matched to it
        }
        return null;
    }
}
