package org.tinytitans.server.protocol;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.TitansLanguageServer;
import org.tinytitans.server.TitansServerLauncher;

/**
 * A real server and a recording client talking LSP4J JSON-RPC over in-memory pipes. java.nio pipes rather than
 * PipedInputStream: the latter reports a broken pipe once the last thread that wrote has ended, and here job
 * threads write and end.
 */
final class Connection implements AutoCloseable {
    final RecordingClient client = new RecordingClient();
    final List<Integer> exits = new CopyOnWriteArrayList<>();
    final TitansLanguageServer server = new TitansLanguageServer(TitansAssert.ESTIMATES, exits::add);
    final LanguageServer remote;
    private final OutputStream toServer;
    private final OutputStream toClient;

    Connection() throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        toServer = Channels.newOutputStream(up.sink());
        toClient = Channels.newOutputStream(down.sink());
        InputStream serverIn = Channels.newInputStream(up.source());
        InputStream clientIn = Channels.newInputStream(down.source());
        TitansServerLauncher.launch(server, serverIn, toClient);
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        launcher.startListening();
        remote = launcher.getRemoteProxy();
    }

    /** Initializes with the given capabilities and initializationOptions. */
    InitializeResult initialize(ClientCapabilities caps, JsonObject options, Integer processId) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(caps);
        p.setInitializationOptions(options);
        p.setProcessId(processId);
        InitializeResult r = remote.initialize(p).get(30, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
        return r;
    }

    void open(String uri, String text) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "prune", 1, text)));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        toServer.close();
        toClient.close();
    }
}
