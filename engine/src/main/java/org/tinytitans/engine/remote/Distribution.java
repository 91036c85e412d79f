package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The project's own titans-cli build (cli/target/titans-cli.jar, lib/*.jar and natives/*.jar): what gets
 * installed on a host that has no compatible titans-cli. natives/ holds the CPU libtorch the host falls back
 * on; it stays off the class path there too, so the host's own CUDA libtorch is found first (docs/gpu.md).
 * The version is the jar manifest's Implementation-Version.
 */
public record Distribution(Path jar, List<Path> libs, List<Path> natives, String version) {

    /** Reads a folder holding titans-cli.jar and lib/. */
    public static Distribution at(Path folder) throws IOException {
        Path jar = folder.resolve("titans-cli.jar");
        if (!Files.isRegularFile(jar)) throw new RemoteException("no titans-cli.jar in " + folder + " (build it: ./mvnw -pl cli -am install -DskipTests)");
        List<Path> libs = jars(folder.resolve("lib"));
        List<Path> natives = jars(folder.resolve("natives"));
        String version;
        try (JarFile j = new JarFile(jar.toFile())) {
            version = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        return new Distribution(jar, libs, natives, version);
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /**
     * Looks for the build: system property titans.home, the distribution this code runs from (its jar in
     * lib/), then cli/target in the working folder and its parents.
     */
    public static Optional<Distribution> find() {
        // titans.home, else the installed build this code runs from (InstallFolder reads both).
        Stream<Path> candidates = runningFrom().stream();
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
        return org.tinytitans.engine.runtime.InstallFolder.home();
    }
}
