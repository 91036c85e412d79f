package org.tinytitans.eclipse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four platform bundles, titans-eclipse-0.1.0-&lt;platform&gt;.jar (after package, through failsafe): each is the
 * plain bundle plus server/natives/ holding that platform's PyTorch CPU natives alone, with an Eclipse-PlatformFilter
 * for that platform, so Eclipse resolves only the right one.
 */
class PlatformBundlesIT {
	/** VS Code's target name (used for the file names) -> DJL's classifier and the platform filter. */
	private static final Map<String, List<String>> PLATFORMS = Map.of(
			"linux-x64", List.of("linux-x86_64", "(& (osgi.os=linux) (osgi.arch=x86_64))"),
			"linux-arm64", List.of("linux-aarch64", "(& (osgi.os=linux) (osgi.arch=aarch64))"),
			"darwin-arm64", List.of("osx-aarch64", "(& (osgi.os=macosx) (osgi.arch=aarch64))"),
			"win32-x64", List.of("win-x86_64", "(& (osgi.os=win32) (osgi.arch=x86_64))"));

	private static Path plainJar() {
		return Path.of(System.getProperty("titans.bundle.jar", "target/titans-eclipse-0.1.0.jar"));
	}

	/** The files of a jar, without Maven's own pom copy (META-INF/maven/), which only the plain jar carries. */
	private static Set<String> entries(JarFile jar) {
		return jar.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/") && !n.startsWith("META-INF/maven/"))
				.collect(Collectors.toCollection(TreeSet::new));
	}

	@ParameterizedTest
	@ValueSource(strings = { "linux-x64", "linux-arm64", "darwin-arm64", "win32-x64" })
	void eachPlatformBundleIsThePlainOnePlusItsOwnNativesAlone(String platform) throws IOException {
		Assumptions.assumeTrue(Files.isRegularFile(Path.of(System.getProperty("titans.server.dir", "../../server/target"), "titans-server.jar")),
				"the server is not built (mvn -pl server -am package -Pdist)");
		String classifier = PLATFORMS.get(platform).get(0);
		Path file = plainJar().resolveSibling(plainJar().getFileName().toString().replace(".jar", "-" + platform + ".jar"));
		assertTrue(Files.isRegularFile(file), "not packaged: " + file);
		try (JarFile jar = new JarFile(file.toFile()); JarFile plain = new JarFile(plainJar().toFile())) {
			Attributes main = jar.getManifest().getMainAttributes();
			assertEquals(PLATFORMS.get(platform).get(1), main.getValue("Eclipse-PlatformFilter"));
			Attributes plainMain = plain.getManifest().getMainAttributes();
			for (String header : List.of("Bundle-SymbolicName", "Bundle-Version", "Require-Bundle", "Eclipse-BundleShape", "Bundle-ManifestVersion")) {
				assertEquals(plainMain.getValue(header), main.getValue(header), header + " differs from the plain bundle's");
			}

			Set<String> extra = entries(jar);
			extra.removeAll(entries(plain));
			assertEquals(1, extra.size(), "the plain bundle plus this platform's natives, nothing else: " + extra);
			String nativesName = extra.iterator().next();
			assertTrue(nativesName.matches("server/natives/pytorch-native-cpu-[0-9.]+-" + classifier + "\\.jar"), nativesName);
			assertTrue(entries(jar).containsAll(entries(plain)), "everything of the plain bundle is in " + file.getFileName());

			// inside the natives jar: libtorch for this platform and no other platform's libraries
			ZipEntry natives = jar.getEntry(nativesName);
			Set<String> libs = new TreeSet<>();
			try (InputStream in = jar.getInputStream(natives); JarInputStream nested = new JarInputStream(in)) {
				for (ZipEntry e; (e = nested.getNextEntry()) != null;) {
					if (e.getName().matches(".*\\.(so|dylib|dll)(\\.[0-9.]+)?")) libs.add(e.getName());
				}
			}
			assertFalse(libs.isEmpty(), "no libraries in the natives jar");
			assertTrue(libs.stream().allMatch(n -> n.startsWith("pytorch/cpu/" + classifier + "/")), libs.toString());
			assertTrue(libs.stream().anyMatch(n -> n.matches("pytorch/cpu/" + classifier + "/(lib)?torch\\.(so|dylib|dll)")), libs.toString());
		}
	}

	@Test
	void thePlainBundleCarriesNoNatives() throws IOException {
		try (JarFile plain = new JarFile(plainJar().toFile())) {
			assertTrue(entries(plain).stream().noneMatch(n -> n.contains("pytorch-native")), entries(plain).toString());
			assertEquals(null, plain.getManifest().getMainAttributes().getValue("Eclipse-PlatformFilter"));
		}
	}
}
