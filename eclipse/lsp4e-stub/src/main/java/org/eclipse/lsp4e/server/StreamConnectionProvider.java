package org.eclipse.lsp4e.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Compile-only stub of LSP4E's interface (org.eclipse.lsp4e.server.StreamConnectionProvider): only the
 * abstract methods, so the bundle cannot come to rely on anything the real interface lacks.
 */
public interface StreamConnectionProvider {
	void start() throws IOException;

	InputStream getInputStream();

	OutputStream getOutputStream();

	InputStream getErrorStream();

	void stop();
}
