package org.tinytitans.eclipse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged bundle as Eclipse will read it (runs after `package`, through failsafe): the manifest headers,
 * and every class and file that plugin.xml names is an entry of the jar.
 */
class BundleJarIT {
	private static JarFile jar;

	@BeforeAll
	static void openJar() throws Exception {
		Path file = Path.of(System.getProperty("titans.bundle.jar", "target/titans-eclipse-0.1.0.jar"));
		assertTrue(Files.isRegularFile(file), "the bundle was not packaged: " + file);
		jar = new JarFile(file.toFile());
	}

	@AfterAll
	static void closeJar() throws Exception {
		jar.close();
	}

	/** Attribute values named {@code attribute} on any element of plugin.xml, as packaged. */
	private static List<String> pluginXmlAttributes(String attribute) throws Exception {
		List<String> values = new ArrayList<>();
		try (InputStream in = jar.getInputStream(jar.getEntry("plugin.xml"))) {
			NodeList all = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("*");
			for (int i = 0; i < all.getLength(); i++) {
				Element e = (Element) all.item(i);
				if (e.hasAttribute(attribute)) {
					values.add(e.getAttribute(attribute));
				}
			}
		}
		return values;
	}

	@Test
	void theManifestIsAnEclipseBundleThatNeedsLsp4e() throws Exception {
		Attributes main = jar.getManifest().getMainAttributes();
		assertEquals("2", main.getValue("Bundle-ManifestVersion"));
		assertEquals("org.tinytitans.eclipse;singleton:=true", main.getValue("Bundle-SymbolicName"),
				"singleton: the bundle contributes extensions");
		assertTrue(main.getValue("Bundle-Version").matches("0\\.1\\.0\\.\\d{12}"), main.getValue("Bundle-Version"));
		assertEquals("JavaSE-17", main.getValue("Bundle-RequiredExecutionEnvironment"));
		assertEquals("dir", main.getValue("Eclipse-BundleShape"), "java -jar needs the server as real files");
		List<String> required = List.of(main.getValue("Require-Bundle").split(","));
		assertTrue(required.contains("org.eclipse.lsp4e"), "LSP4E is required, not optional: " + required);
		assertTrue(required.contains("org.eclipse.core.runtime"), required.toString());
		assertTrue(required.contains("org.eclipse.tm4e.registry;resolution:=optional"), required.toString());
	}

	@Test
	void everyClassNamedInPluginXmlIsInTheJar() throws Exception {
		List<String> classes = pluginXmlAttributes("class");
		assertEquals(List.of("org.tinytitans.eclipse.PruneStreamConnectionProvider"), classes);
		for (String name : classes) {
			assertNotNull(jar.getEntry(name.replace('.', '/') + ".class"), name + " is not in the jar");
		}
		// what the provider calls at run time, too
		assertNotNull(jar.getEntry("org/tinytitans/eclipse/ServerLaunch.class"));
		assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/eclipse/")), "the LSP4E stub is not packaged");
	}

	@Test
	void everyFileNamedInPluginXmlIsInTheJar() throws Exception {
		List<String> paths = pluginXmlAttributes("path");
		assertEquals(List.of("syntaxes/prune.tmLanguage.json", "language-configuration.json"), paths);
		for (String path : paths) {
			assertNotNull(jar.getEntry(path), path + " is not in the jar");
			assertTrue(jar.getEntry(path).getSize() > 100, path + " is empty");
		}
	}

	@Test
	void theLanguageServerIsInTheJarWhenItWasBuilt() {
		Path serverDir = Path.of(System.getProperty("titans.server.dir", "../../server/target"));
		Assumptions.assumeTrue(Files.isRegularFile(serverDir.resolve("titans-server.jar")),
				"the server is not built (mvn -pl server -am package)");
		assertNotNull(jar.getEntry("server/" + ServerLaunch.SERVER_JAR_NAME));
		assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("server/lib/titans-engine")), "the engine is in server/lib");
	}
}
