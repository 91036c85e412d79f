package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The project's own titans-cli build (cli/target/titans-cli.jar and lib/*.jar): what gets installed on a
 * host that has no compatible titans-cli. The version is the jar manifest's Implementation-Version.
 */
public record Distribution(Path jar, List<Path> libs, String version) {

    /** Reads a folder holding titans-cli.jar and lib/. */
    public static Distribution at(Path folder) throws IOException {
        Path jar = folder.resolve("titans-cli.jar");
        if (!Files.isRegularFile(jar)) throw new RemoteException("no titans-cli.jar in " + folder + " (build it: ./mvnw -pl cli -am install -DskipTests)");
        List<Path> libs;
        Path lib = folder.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                libs = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
        } else {
            libs = List.of();
        }
        String version;
        try (JarFile j = new JarFile(jar.toFile())) {
            version = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        return new Distribution(jar, libs, version);
    }

    /**
     * Looks for the build: system property titans.home, the distribution this code runs from (its jar in
     * lib/), then cli/target in the working folder and its parents.
     */
    public static Optional<Distribution> find() {
        String home = System.getProperty("titans.home");
        Stream<Path> candidates = home != null ? Stream.of(Path.of(home)) : Stream.empty();
        candidates = Stream.concat(candidates, runningFrom().stream());
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) candidates = Stream.concat(candidates, Stream.of(p.resolve("cli/target")));
        return candidates.filter(p -> Files.isRegularFile(p.resolve("titans-cli.jar"))).findFirst().flatMap(p -> {
            try {
                return Optional.of(at(p));
            } catch (IOException | RemoteException e) {
                return Optional.empty();
            }
        });
    }

    /** The folder above lib/ when this class was loaded from lib/titans-engine-*.jar. */
    private static Optional<Path> runningFrom() {
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (jar.toString().endsWith(".jar") && lib != null && lib.getFileName().toString().equals("lib")) {
                return Optional.ofNullable(lib.getParent());
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // no code source (e.g. a custom class loader): fall back to the other places
        }
        return Optional.empty();
    }
}
