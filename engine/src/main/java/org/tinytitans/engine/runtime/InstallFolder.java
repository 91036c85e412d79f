package org.tinytitans.engine.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The installed build this code runs from: the folder above lib/ when the engine jar was loaded from
 * lib/titans-engine-*.jar (the CLI folder, the language server in an editor package, a remote install).
 */
public final class InstallFolder {
    private InstallFolder() {}

    public static Optional<Path> home() {
        String home = System.getProperty("titans.home");
        if (home != null && !home.isBlank()) return Optional.of(Path.of(home));
        try {
            Path jar = Path.of(InstallFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (jar.toString().endsWith(".jar") && lib != null && lib.getFileName() != null
                    && lib.getFileName().toString().equals("lib")) {
                return Optional.ofNullable(lib.getParent());
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // no code source (a custom class loader): not an installed build
        }
        return Optional.empty();
    }
}
