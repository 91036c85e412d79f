package org.tinytitans.cli;

import java.util.Locale;
import org.tinytitans.language.Diagnostic;

/** A diagnostic together with the file it was found in, printed with 1-based lines and columns. */
record FileFinding(String file, Diagnostic diagnostic) {

    String toLine() {
        var start = diagnostic.range().start();
        return String.format("%s:%d:%d: %s: %s [%s]", file, start.line() + 1, start.column() + 1,
                diagnostic.severity().name().toLowerCase(Locale.ROOT), diagnostic.message(), diagnostic.code());
    }
}
