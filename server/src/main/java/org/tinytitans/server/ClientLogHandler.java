package org.tinytitans.server;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/** Sends the server's log to the client (window/logMessage): the server never writes to stdout. */
final class ClientLogHandler extends Handler {
    private final LanguageClient client;
    private final Formatter plain = new SimpleFormatter();

    ClientLogHandler(LanguageClient client) {
        this.client = client;
        setLevel(Level.INFO);
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r)) return;
        MessageType type = r.getLevel().intValue() >= Level.SEVERE.intValue() ? MessageType.Error
                : r.getLevel().intValue() >= Level.WARNING.intValue() ? MessageType.Warning
                : r.getLevel().intValue() >= Level.INFO.intValue() ? MessageType.Info : MessageType.Log;
        String msg = plain.formatMessage(r);
        if (r.getThrown() != null) msg += ": " + r.getThrown();
        try {
            client.logMessage(new MessageParams(type, msg));
        } catch (RuntimeException e) {
            // the connection is closing: nowhere left to log
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
