package org.tinytitans.server.reliability;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.TitansLanguageServer;
import org.tinytitans.server.TitansServerLauncher;

/** The real server behind the real LSP4J launcher, over in-memory pipes, with a raw-bytes client on the other end. */
final class Wire implements AutoCloseable {
    /** LSP4J logs every rejected message at WARNING/SEVERE on stderr: expected here, so kept quiet (held: loggers are weak). */
    private static final java.util.logging.Logger LSP4J = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    static {
        LSP4J.setLevel(java.util.logging.Level.OFF);
    }

    final List<Integer> exits = new CopyOnWriteArrayList<>();
    final TitansLanguageServer server = new TitansLanguageServer(TitansAssert.ESTIMATES, exits::add);
    final RawWire client;
    final Future<Void> listening;

    Wire() throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        listening = TitansServerLauncher.launch(server, Channels.newInputStream(up.source()), Channels.newOutputStream(down.sink()));
        client = new RawWire(Channels.newInputStream(down.source()), Channels.newOutputStream(up.sink()));
    }

    /** initialize (no jobs on save, short debounce) and initialized. */
    Wire initialized() throws Exception {
        int id = client.request("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{},"
                + "\"initializationOptions\":{\"runOnSave\":false,\"debounceMs\":10}}");
        client.response(id, 30);
        client.notify("initialized", "{}");
        return this;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        client.close();
    }
}
