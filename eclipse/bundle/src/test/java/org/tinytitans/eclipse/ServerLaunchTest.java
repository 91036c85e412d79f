package org.tinytitans.eclipse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLaunchTest {
	@TempDir
	Path dir;

	/** A fake machine: a Java home with bin/java and a bundled server folder holding the jar. */
	private Map<String, String> machine() throws IOException {
		Files.createDirectories(dir.resolve("jdk/bin"));
		Files.writeString(dir.resolve("jdk/bin/java"), "");
		Files.createDirectories(dir.resolve("server"));
		Files.writeString(dir.resolve("server/titans-server.jar"), "");
		Map<String, String> props = new HashMap<>();
		props.put("java.home", dir.resolve("jdk").toString());
		props.put("os.name", "Linux");
		return props;
	}

	@Test
	void runsTheBundledJarOnEclipsesOwnJavaByDefault() throws IOException {
		List<String> command = ServerLaunch.fromProperties(machine()::get, dir.resolve("server"));
		assertEquals(List.of(dir.resolve("jdk/bin/java").toString(), "-Xmx512m", "-jar",
				dir.resolve("server/titans-server.jar").toString()), command);
	}

	@Test
	void systemPropertiesChooseJavaVmArgsAndJar() throws IOException {
		Map<String, String> props = machine();
		Files.createDirectories(dir.resolve("jdk21/bin"));
		Files.writeString(dir.resolve("jdk21/bin/java"), "");
		Files.writeString(dir.resolve("dev.jar"), "");
		props.put("titans.java.home", dir.resolve("jdk21").toString());
		props.put("titans.server.vmargs", "-Xmx1g -Dname=\"a b\"");
		props.put("titans.server.jar", dir.resolve("dev.jar").toString());
		assertEquals(List.of(dir.resolve("jdk21/bin/java").toString(), "-Xmx1g", "-Dname=a b", "-jar",
				dir.resolve("dev.jar").toString()), ServerLaunch.fromProperties(props::get, dir.resolve("server")));
	}

	@Test
	void aMissingJavaNamesTheSettingToFixIt() throws IOException {
		Map<String, String> props = machine();
		props.put("titans.java.home", dir.resolve("nowhere").toString());
		IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> ServerLaunch.fromProperties(props::get, dir.resolve("server")));
		assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("-Dtitans.java.home"), e.getMessage());
	}

	@Test
	void aMissingServerJarSaysWhichFile() throws IOException {
		Map<String, String> props = machine();
		IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> ServerLaunch.fromProperties(props::get, dir.resolve("empty")));
		assertTrue(e.getMessage().contains("empty") && e.getMessage().contains("titans-server.jar"), e.getMessage());
	}

	@Test
	void windowsUsesJavaExe() {
		assertEquals(Path.of("C:/jdk/bin/java.exe"), ServerLaunch.javaExecutable(Path.of("C:/jdk"), "Windows 11"));
		assertEquals(Path.of("/jdk/bin/java"), ServerLaunch.javaExecutable(Path.of("/jdk"), "Linux"));
	}

	@Test
	void vmArgsSplitOnSpacesOutsideQuotes() {
		assertEquals(List.of("-Xmx1g", "-Dx=a b", "-ea"), ServerLaunch.splitVmArgs("  -Xmx1g -Dx=\"a b\"\t-ea "));
		assertEquals(List.of(), ServerLaunch.splitVmArgs(null));
	}
}
