package org.tinytitans.eclipse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.lsp4e.server.ProcessStreamConnectionProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts the bundled language server for LSP4E (registered in plugin.xml). LSP4E creates it through
 * the extension registry, hence the public no-argument constructor.
 */
public class PruneStreamConnectionProvider extends ProcessStreamConnectionProvider {

	public PruneStreamConnectionProvider() {
		Path serverDir = bundledServerDir();
		setCommands(ServerLaunch.fromProperties(System::getProperty, serverDir));
		setWorkingDirectory(serverDir.toString());
	}

	/**
	 * The bundle's server/ folder as a real directory: java -jar needs files, and the jar finds lib/ beside it.
	 * toFileURL extracts the folder when the bundle is still a jar (the manifest asks for a dir shape).
	 */
	private static Path bundledServerDir() {
		Bundle bundle = FrameworkUtil.getBundle(PruneStreamConnectionProvider.class);
		URL entry = bundle.getEntry("server/");
		if (entry == null) {
			throw new IllegalStateException("The Tiny Titans bundle " + bundle.getSymbolicName()
					+ " has no server/ folder: it was built before the language server.");
		}
		try {
			// FileLocator returns an unescaped file: URL, so read its path rather than converting to a URI.
			return new File(FileLocator.toFileURL(entry).getPath()).toPath();
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot extract the Tiny Titans language server", e);
		}
	}
}
