package org.tinytitans.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where DJL 0.36's JNI glue (libdjl_torch) for a libtorch comes from, looked up in DJL's own order: beside
 * libtorch, in DJL's cache folder for that version and flavor, else the stock pytorch-jni jar, which holds glue
 * for libtorch 2.7.1 only (cpu and cu128 builds). Without glue DJL cannot drive that libtorch at all.
 */
final class JniGlue {
    static final String DJL_VERSION = "0.36.0";

    private JniGlue() {}

    /** The glue for this libtorch, and the flavor to tell DJL so that it picks that glue up. */
    record Found(String where, String flavor) {}

    static Optional<Found> find(Path libDir, String version, String flavor, Path cache, String classifier) {
        String glue = Platforms.glueFile(classifier);
        for (Path p : new Path[] {libDir.resolve(DJL_VERSION + "-" + glue), libDir.resolve(glue)}) {
            if (Files.isRegularFile(p)) return Optional.of(new Found("beside libtorch (" + p + ")", flavor));
        }
        if (version == null) return Optional.empty();
        Path cached = cache.resolve(version + "-" + flavor + "-" + classifier).resolve(DJL_VERSION + "-" + glue);
        if (Files.isRegularFile(cached)) return Optional.of(new Found("DJL cache (" + cached + ")", flavor));
        String stock = stockVersion();
        if (stock == null || !stock.startsWith(version + "-")) return Optional.empty();
        // The stock jar's CUDA glue is built against the cu128 libtorch; its symbols are the same for every
        // CUDA 12 build of 2.7.1, so a pip torch 2.7.1+cu126 is driven through it.
        String jniFlavor = flavor.startsWith("cu") ? "cu128" : flavor;
        if (JniGlue.class.getResource("/jnilib/" + classifier + "/" + jniFlavor + "/" + glue) == null) return Optional.empty();
        return Optional.of(new Found("stock pytorch-jni " + stock, jniFlavor));
    }

    /** "2.7.1-0.36.0" from the pytorch-jni jar on the class path, or null when it is absent. */
    static String stockVersion() {
        try (InputStream in = JniGlue.class.getResourceAsStream("/jnilib/pytorch.properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("jni_version");
        } catch (IOException e) {
            return null;
        }
    }
}
