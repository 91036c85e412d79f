package org.tinytitans.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** DJL's cache of libtorch builds: $ENGINE_CACHE_DIR, else $DJL_CACHE_DIR, else ~/.djl.ai; then pytorch/. */
final class DjlCache {
    /** Written into a folder this engine unpacked from its bundled natives, so that it is not mistaken for DJL's. */
    static final String BUNDLED_MARK = ".titans-bundled";

    private DjlCache() {}

    static Path folder() {
        String engine = env("ENGINE_CACHE_DIR");
        if (engine != null) return Path.of(engine).resolve("pytorch");
        String djl = env("DJL_CACHE_DIR");
        Path base = djl != null ? Path.of(djl) : Path.of(System.getProperty("user.home"), ".djl.ai");
        return base.resolve("pytorch");
    }

    /** Every libtorch build in the cache for this platform, except those unpacked from the bundled natives. */
    static List<Libtorch> entries(Path cache, String classifier) {
        List<Libtorch> out = new ArrayList<>();
        if (!Files.isDirectory(cache)) return out;
        try (Stream<Path> dirs = Files.list(cache)) {
            dirs.filter(d -> d.getFileName().toString().endsWith("-" + classifier))
                    .filter(d -> !Files.exists(d.resolve(BUNDLED_MARK)))
                    .sorted()
                    .forEach(d -> LibtorchFolder.inspect(d, cache, classifier).ifPresent(out::add));
        } catch (IOException e) {
            // an unreadable cache holds nothing we could load
        }
        return out;
    }

    /** DJL reads its settings from the environment first, then from system properties. */
    static String env(String key) {
        String v = System.getenv(key);
        if (v == null || v.isBlank()) v = System.getProperty(key);
        return v == null || v.isBlank() ? null : v;
    }
}
