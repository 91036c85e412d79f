package org.tinytitans.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the server on stdio: `java -jar titans-server.jar` or `titans-cli lsp`. The real stdout carries
 * JSON-RPC only; System.out is pointed at stderr so a stray print cannot corrupt the protocol. Logs go to the
 * client (window/logMessage) and, with -Dtitans.log=FILE or TITANS_SERVER_LOG=FILE, to a file.
 */
public final class TitansServerLauncher {
    private static final Logger ROOT = Logger.getLogger("org.tinytitans");

    private TitansServerLauncher() {}

    public static void main(String[] args) throws InterruptedException {
        InputStream in = System.in;
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            launch(in, out).get();
        } catch (ExecutionException e) {
            Logger.getLogger(TitansServerLauncher.class.getName()).log(Level.SEVERE, "connection ended", e);
        }
        System.exit(0); // the client closed the stream without `exit`
    }

    /** Connects a new server to the streams and starts listening; the future ends when the input closes. */
    public static Future<Void> launch(InputStream in, OutputStream out) {
        return launch(new TitansLanguageServer(), in, out);
    }

    public static Future<Void> launch(TitansLanguageServer server, InputStream in, OutputStream out) {
        Future<Void> listening = connect(server, in, out);
        configureLogging(server.client());
        return listening;
    }

    /** Connects and listens without taking over the log (a {@link Rehearsal}'s private server). */
    static Future<Void> connect(TitansLanguageServer server, InputStream in, OutputStream out) {
        Launcher<TitansLanguageClient> launcher = new LSPLauncher.Builder<TitansLanguageClient>()
                .setLocalService(server).setRemoteInterface(TitansLanguageClient.class).setInput(in).setOutput(out)
                .setExecutorService(Executors.newCachedThreadPool(TitansLanguageServer.daemon("titans-jsonrpc"))).create();
        TitansLanguageClient client = launcher.getRemoteProxy();
        server.connect(client);
        return launcher.startListening();
    }

    private static void configureLogging(LanguageClient client) {
        ROOT.setUseParentHandlers(false);
        for (var h : ROOT.getHandlers()) ROOT.removeHandler(h);
        ROOT.addHandler(new ClientLogHandler(client));
        String file = System.getProperty("titans.log", System.getenv("TITANS_SERVER_LOG"));
        if (file != null && !file.isBlank()) {
            try {
                FileHandler fh = new FileHandler(file, true);
                fh.setFormatter(new SimpleFormatter());
                fh.setLevel(Level.FINE);
                ROOT.addHandler(fh);
                ROOT.setLevel(Level.FINE);
            } catch (java.io.IOException e) {
                ROOT.log(Level.WARNING, "cannot log to " + file, e);
            }
        }
    }
}
