package org.tinytitans.eclipse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.lsp4e.server.ProcessStreamConnectionProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks what goes into the bundle: plugin.xml wiring, copied TextMate files, manifest headers. */
class BundleLayoutTest {
	private static final Path CLASSES = Path.of("target/classes");
	private static final String CONTENT_TYPE = "org.tinytitans.eclipse.prune";
	private static Document plugin;

	@BeforeAll
	static void readPluginXml() throws Exception {
		plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(CLASSES.resolve("plugin.xml").toFile());
	}

	/** Elements named {@code tag} inside the extension to {@code point}. */
	private static List<Element> elements(String point, String tag) {
		List<Element> found = new ArrayList<>();
		NodeList extensions = plugin.getElementsByTagName("extension");
		for (int i = 0; i < extensions.getLength(); i++) {
			Element ext = (Element) extensions.item(i);
			if (point.equals(ext.getAttribute("point"))) {
				NodeList children = ext.getElementsByTagName(tag);
				for (int j = 0; j < children.getLength(); j++) {
					found.add((Element) children.item(j));
				}
			}
		}
		assertFalse(found.isEmpty(), "no <" + tag + "> in " + point);
		return found;
	}

	private static Element one(String point, String tag) {
		List<Element> all = elements(point, tag);
		assertEquals(1, all.size(), point + "/" + tag);
		return all.get(0);
	}

	@Test
	void everyExtensionPointsAtTheSameContentType() {
		Element type = one("org.eclipse.core.contenttype.contentTypes", "content-type");
		assertEquals(CONTENT_TYPE, type.getAttribute("id"));
		assertEquals("prune", type.getAttribute("file-extensions"));
		assertEquals(CONTENT_TYPE, one("org.eclipse.ui.editors", "editorContentTypeBinding").getAttribute("contentTypeId"));
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor",
				one("org.eclipse.ui.editors", "editorContentTypeBinding").getAttribute("editorId"));
		assertEquals(CONTENT_TYPE, one("org.eclipse.lsp4e.languageServer", "contentTypeMapping").getAttribute("contentType"));
		assertEquals(CONTENT_TYPE, one("org.eclipse.tm4e.registry.grammars", "scopeNameContentTypeBinding").getAttribute("contentTypeId"));
		assertEquals(CONTENT_TYPE, one("org.eclipse.tm4e.languageconfiguration.languageConfigurations", "languageConfiguration")
				.getAttribute("contentTypeId"));
	}

	@Test
	void theLanguageServerEntryNamesAConnectionProviderLsp4eCanCreate() throws Exception {
		Element server = one("org.eclipse.lsp4e.languageServer", "server");
		assertEquals(server.getAttribute("id"), one("org.eclipse.lsp4e.languageServer", "contentTypeMapping").getAttribute("id"));
		Class<?> provider = Class.forName(server.getAttribute("class"));
		assertTrue(ProcessStreamConnectionProvider.class.isAssignableFrom(provider));
		assertTrue(Modifier.isPublic(provider.getConstructor().getModifiers()), "LSP4E needs a public no-argument constructor");
		assertTrue(Files.isRegularFile(CLASSES.resolve(server.getAttribute("class").replace('.', '/') + ".class")));
	}

	@Test
	void theGrammarAndLanguageConfigurationAreTheVsCodeExtensionsFiles() throws Exception {
		Element grammar = one("org.eclipse.tm4e.registry.grammars", "grammar");
		assertEquals("source.prune", grammar.getAttribute("scopeName"));
		assertEquals(grammar.getAttribute("scopeName"),
				one("org.eclipse.tm4e.registry.grammars", "scopeNameContentTypeBinding").getAttribute("scopeName"));
		String config = one("org.eclipse.tm4e.languageconfiguration.languageConfigurations", "languageConfiguration").getAttribute("path");
		Path vscode = Path.of(System.getProperty("titans.vscode.dir", "../../vscode-extension"));
		for (String file : List.of(grammar.getAttribute("path"), config)) {
			assertTrue(Files.isRegularFile(CLASSES.resolve(file)), file + " is not in the bundle");
			assertArrayEquals(Files.readAllBytes(vscode.resolve(file)), Files.readAllBytes(CLASSES.resolve(file)), file);
		}
		assertTrue(Files.readString(CLASSES.resolve(grammar.getAttribute("path"))).contains("\"scopeName\": \"source.prune\""));
	}

	@Test
	void theManifestRequiresLsp4eAndIsASingleton() throws Exception {
		Attributes main;
		try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
			main = new Manifest(in).getMainAttributes();
		}
		assertEquals("org.tinytitans.eclipse;singleton:=true", main.getValue("Bundle-SymbolicName"));
		String required = main.getValue("Require-Bundle");
		assertTrue(required.contains("org.eclipse.lsp4e,") || required.endsWith("org.eclipse.lsp4e"), required);
		assertTrue(required.contains("org.eclipse.tm4e.registry;resolution:=optional"), required);
		assertTrue(required.contains("org.eclipse.core.runtime"), required);
		assertEquals("dir", main.getValue("Eclipse-BundleShape"));
		assertEquals(null, main.getValue("Import-Package"), "everything comes through Require-Bundle or java.*");
	}

	@Test
	void theLsp4eStubIsNotPackaged() {
		assertFalse(Files.exists(CLASSES.resolve("org/eclipse/lsp4e")));
	}

	@Test
	void theBuiltLanguageServerIsBundledWhenThereIsOne() throws Exception {
		Path serverDir = Path.of(System.getProperty("titans.server.dir", "../../server/target"));
		Assumptions.assumeTrue(Files.isRegularFile(serverDir.resolve("titans-server.jar")),
				"the server is not built (mvn -pl server -am package)");
		assertTrue(Files.isRegularFile(CLASSES.resolve("server/titans-server.jar")));
		try (var libs = Files.list(serverDir.resolve("lib"))) {
			for (Path lib : libs.filter(p -> p.toString().endsWith(".jar")).toList()) {
				assertTrue(Files.isRegularFile(CLASSES.resolve("server/lib").resolve(lib.getFileName())), lib.toString());
			}
		}
	}
}
