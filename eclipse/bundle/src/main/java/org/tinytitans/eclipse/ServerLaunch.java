package org.tinytitans.eclipse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The command line that starts the Tiny Titans language server: {@code java [vmargs] -jar titans-server.jar}.
 * Plain Java without OSGi or LSP4E types, so it is tested on its own.
 *
 * <p>Settings are Java system properties (add them to eclipse.ini after -vmargs), mirroring the VS Code
 * settings of the same names: {@code titans.java.home}, {@code titans.server.vmargs}, {@code titans.server.jar}.
 * Without titans.java.home the server runs on the Java that runs Eclipse, which is 17 or newer for any
 * Eclipse that LSP4E supports.
 */
public final class ServerLaunch {
	public static final String JAVA_HOME_PROPERTY = "titans.java.home";
	public static final String VMARGS_PROPERTY = "titans.server.vmargs";
	public static final String SERVER_JAR_PROPERTY = "titans.server.jar";
	public static final String SERVER_JAR_NAME = "titans-server.jar";
	public static final String DEFAULT_VMARGS = "-Xmx512m";

	private ServerLaunch() {
	}

	/** bin/java (bin\java.exe on Windows) below a Java home. */
	public static Path javaExecutable(Path javaHome, String osName) {
		boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
		return javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
	}

	/** Splits VM arguments on whitespace; double quotes group an argument that holds spaces. */
	public static List<String> splitVmArgs(String vmargs) {
		List<String> args = new ArrayList<>();
		if (vmargs == null) {
			return args;
		}
		StringBuilder current = new StringBuilder();
		boolean inToken = false;
		boolean quoted = false;
		for (char c : vmargs.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
				inToken = true;
			} else if (Character.isWhitespace(c) && !quoted) {
				if (inToken) {
					args.add(current.toString());
				}
				current.setLength(0);
				inToken = false;
			} else {
				current.append(c);
				inToken = true;
			}
		}
		if (inToken) {
			args.add(current.toString());
		}
		return args;
	}

	public static List<String> command(Path java, String vmargs, Path serverJar) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(splitVmArgs(vmargs));
		command.add("-jar");
		command.add(serverJar.toString());
		return command;
	}

	/**
	 * The command from system properties, with the bundled server folder as the default jar location.
	 * Fails with a message naming the setting when a configured or bundled file is missing.
	 */
	public static List<String> fromProperties(Function<String, String> properties, Path bundledServerDir) {
		String javaHome = properties.apply(JAVA_HOME_PROPERTY);
		Path home = Path.of(javaHome != null && !javaHome.isBlank() ? javaHome.trim() : properties.apply("java.home"));
		Path java = javaExecutable(home, String.valueOf(properties.apply("os.name")));
		if (!Files.isRegularFile(java)) {
			throw new IllegalStateException("No Java at " + java + ". Set -D" + JAVA_HOME_PROPERTY
					+ "=<a Java 17+ installation> in eclipse.ini (after -vmargs).");
		}
		String jarSetting = properties.apply(SERVER_JAR_PROPERTY);
		Path jar = jarSetting != null && !jarSetting.isBlank() ? Path.of(jarSetting.trim())
				: bundledServerDir.resolve(SERVER_JAR_NAME);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The Tiny Titans language server is missing: " + jar
					+ ". Reinstall the bundle, or set -D" + SERVER_JAR_PROPERTY + "=<path to titans-server.jar>.");
		}
		String vmargs = properties.apply(VMARGS_PROPERTY);
		return command(java, vmargs != null ? vmargs : DEFAULT_VMARGS, jar);
	}
}
