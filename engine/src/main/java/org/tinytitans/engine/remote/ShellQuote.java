package org.tinytitans.engine.remote;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes words for a POSIX shell. ssh hands the remote side one command string, so every argument that
 * comes from a spec or a path goes through here: inside single quotes nothing is special except the quote
 * itself, which becomes '\'' (close, escaped quote, reopen). NUL cannot be passed through a shell at all.
 */
public final class ShellQuote {
    private ShellQuote() {}

    public static String quote(String word) {
        if (word == null) throw new IllegalArgumentException("cannot quote a missing value");
        if (word.indexOf('\0') >= 0) throw new IllegalArgumentException("a NUL character cannot be passed to a shell");
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A command line: each word quoted, joined by spaces. */
    public static String command(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
