package org.tinytitans.cli;

import java.util.concurrent.Callable;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.server.TitansServerLauncher;
import picocli.CommandLine.Command;

/** {@code titans-cli lsp}: the language server on stdin/stdout, for editors. */
@Command(name = "lsp",
        mixinStandardHelpOptions = true,
        description = {
            "Start the Tiny Titans language server on stdin/stdout (Language Server Protocol).",
            "Editors start this; logs go to the client's log or stderr, never to stdout."})
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        java.io.InputStream in = System.in;
        java.io.OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        // Only JSON-RPC may reach stdout.
        System.setOut(System.err);
        try {
            TitansServerLauncher.launch(in, out).get();
        } catch (java.util.concurrent.ExecutionException e) {
            System.err.println("titans-cli: the connection to the editor broke: " + e.getCause());
            return ExitCodes.JOB_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
