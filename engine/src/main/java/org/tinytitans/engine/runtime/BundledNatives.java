package org.tinytitans.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The CPU libtorch the build ships as the offline fallback: DJL's pytorch-native-cpu jar, kept in natives/ beside
 * lib/ (never on the class path, where DJL would load it before any CUDA libtorch the user has). Development
 * builds and tests have it on the class path instead; both are unpacked here, into DJL's cache folder for that
 * build, and handed to DJL as a folder.
 */
final class BundledNatives {
    private BundledNatives() {}

    /** Where the natives jar was found, whether that is the class path, and the build it holds ("2.7.1", "cpu"). */
    record Jar(Path file, boolean onClassPath, String version, String flavor) {
        static Jar of(Path file, boolean onClassPath) {
            Properties p = properties(file);
            return new Jar(file, onClassPath, p.getProperty("version", "").replaceFirst("-\\d+$", ""), p.getProperty("flavor", "cpu"));
        }
    }

    static Optional<Jar> find(String classifier) {
        String given = System.getProperty("titans.natives");
        if (given != null && !given.isBlank()) return inFolderOrFile(Path.of(given), classifier).map(p -> Jar.of(p, false));
        Optional<Jar> installed = InstallFolder.home().flatMap(h -> inFolderOrFile(h.resolve("natives"), classifier)).map(p -> Jar.of(p, false));
        return installed.isPresent() ? installed : onClassPath().map(p -> Jar.of(p, true));
    }

    /** The jar's native/lib/pytorch.properties (version, flavor, classifier, libraries); empty when unreadable. */
    static Properties properties(Path jar) {
        Properties props = new Properties();
        try (JarFile j = new JarFile(jar.toFile())) {
            JarEntry e = j.getJarEntry("native/lib/pytorch.properties");
            if (e != null) {
                try (InputStream in = j.getInputStream(e)) {
                    props.load(in);
                }
            }
        } catch (IOException e) {
            // not a readable jar: no properties, and unpack says why
        }
        return props;
    }

    /** The natives jar on the class path (DJL's resource native/lib/pytorch.properties), if any. */
    static Optional<Path> onClassPath() {
        URL u = BundledNatives.class.getResource("/native/lib/pytorch.properties");
        if (u == null || !u.getProtocol().equals("jar")) return Optional.empty();
        String s = u.toString();
        try {
            return Optional.of(Path.of(new java.net.URI(s.substring("jar:".length(), s.indexOf("!/")))));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> inFolderOrFile(Path p, String classifier) {
        if (Files.isRegularFile(p)) return Optional.of(p);
        if (!Files.isDirectory(p)) return Optional.empty();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p, "pytorch-native-cpu-*-" + classifier + ".jar")) {
            for (Path jar : s) return Optional.of(jar);
        } catch (IOException e) {
            // unreadable folder: no natives there
        }
        return Optional.empty();
    }

    /**
     * Unpacks the jar's libraries into cache/VERSION-FLAVOR-CLASSIFIER (DJL's own name for that build) unless they
     * are there already; the folder appears whole or not at all, so a killed job never leaves half a libtorch.
     */
    static Path unpack(Path jar, Path cache) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            JarEntry propsEntry = j.getJarEntry("native/lib/pytorch.properties");
            if (propsEntry == null) throw new IOException(jar + " is not a PyTorch natives jar (no native/lib/pytorch.properties)");
            Properties props = new Properties();
            try (InputStream in = j.getInputStream(propsEntry)) {
                props.load(in);
            }
            // DJL's own name for the unpacked jar (2.7.1-20250812-cpu-linux-x86_64): DJL and we share one copy.
            String version = props.getProperty("version", "");
            String flavor = props.getProperty("flavor");
            String classifier = props.getProperty("classifier");
            Path target = cache.resolve(version + "-" + flavor + "-" + classifier);
            if (LibtorchFolder.holdsLibtorch(target, classifier)) return target;
            Files.createDirectories(cache);
            Path tmp = Files.createTempDirectory(cache, "unpacking-");
            try {
                String prefix = "pytorch/" + flavor + "/" + classifier + "/";
                for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(prefix)) continue;
                    String name = entry.getName().substring(prefix.length());
                    boolean gz = name.endsWith(".gz");
                    try (InputStream raw = j.getInputStream(entry); InputStream in = gz ? new GZIPInputStream(raw) : raw) {
                        Files.copy(in, tmp.resolve(gz ? name.substring(0, name.length() - 3) : name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.writeString(tmp.resolve(DjlCache.BUNDLED_MARK), "unpacked by Tiny Titans from " + jar + "\n");
                if (!LibtorchFolder.holdsLibtorch(tmp, classifier)) throw new IOException(jar + " holds no " + Platforms.libtorchFile(classifier) + " under " + prefix);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                    // another job unpacked the same build meanwhile: use theirs
                }
            } finally {
                deleteTree(tmp);
            }
            return target;
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless: it has no libtorch name DJL would look at
        }
    }
}
