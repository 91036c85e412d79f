package org.eclipse.lsp4e.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Compile-only stub of LSP4E's ProcessStreamConnectionProvider: the no-argument constructor and the two
 * setters the bundle calls. The bodies never run; Eclipse loads the real class from org.eclipse.lsp4e.
 */
public abstract class ProcessStreamConnectionProvider implements StreamConnectionProvider {
	protected ProcessStreamConnectionProvider() {
	}

	public void setCommands(List<String> commands) {
		throw new UnsupportedOperationException("LSP4E stub");
	}

	public void setWorkingDirectory(String workingDir) {
		throw new UnsupportedOperationException("LSP4E stub");
	}

	@Override
	public void start() {
		throw new UnsupportedOperationException("LSP4E stub");
	}

	@Override
	public InputStream getInputStream() {
		throw new UnsupportedOperationException("LSP4E stub");
	}

	@Override
	public OutputStream getOutputStream() {
		throw new UnsupportedOperationException("LSP4E stub");
	}

	@Override
	public InputStream getErrorStream() {
		throw new UnsupportedOperationException("LSP4E stub");
	}

	@Override
	public void stop() {
		throw new UnsupportedOperationException("LSP4E stub");
	}
}
