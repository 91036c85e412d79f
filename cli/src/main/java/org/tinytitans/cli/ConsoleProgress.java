package org.tinytitans.cli;

import java.io.PrintStream;
import org.tinytitans.engine.train.Progress;

/**
 * Progress of long phases on stderr: a redrawn bar on a terminal, plain lines (one per phase change and per
 * quarter) when output goes to a file or a CI log, nothing with --quiet.
 */
final class ConsoleProgress implements Progress {

    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private String phase = "";
    private long lastQuarter = -1;
    private boolean barOpen;

    ConsoleProgress(PrintStream err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public synchronized void update(String phase, long done, long total, String detail) {
        if (quiet) {
            return;
        }
        if (total <= 0) {
            // A phase announcement: always its own line.
            closeBar();
            err.println("• " + (detail == null ? phase : detail));
            this.phase = phase;
            lastQuarter = -1;
            return;
        }
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            lastQuarter = -1;
        }
        if (terminal) {
            int width = 30;
            int filled = (int) (width * Math.min(done, total) / total);
            err.print("\r  " + phase + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
                    + (detail == null ? "" : "  " + detail) + "\u001b[K");
            barOpen = true;
            if (done >= total) {
                closeBar();
            }
        } else {
            long quarter = 4 * Math.min(done, total) / total;
            if (quarter != lastQuarter) {
                lastQuarter = quarter;
                err.println("  " + phase + " " + done + "/" + total + (detail == null ? "" : "  " + detail));
            }
        }
        err.flush();
    }

    private void closeBar() {
        if (barOpen) {
            err.println();
            barOpen = false;
        }
    }
}
