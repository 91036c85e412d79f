package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuoteTest {
    static final List<String> HOSTILE = List.of(
            "$(touch PWNED)", "`touch PWNED`", "; touch PWNED", "a'b", "'", "''", "\"", "\\", "it's \"quoted\"",
            "line1\nline2; touch PWNED", "$HOME", "${HOME}", "*", "~", "-rf", "a b\tc", "|| touch PWNED", "&& touch PWNED",
            "> PWNED", "\u00e9t\u00e9 \u2603", "", "'$(touch PWNED)'", "\\'; touch PWNED; echo '");

    /** What a real sh prints back for a quoted word: must be the word itself, and nothing may run. */
    private static String echoThroughShell(String shell, Path dir, String word) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(shell, "-c", "printf '%s' " + ShellQuote.quote(word)).directory(dir.toFile());
        Exec.Result r = Exec.run(pb, Duration.ofSeconds(10));
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    @Test
    void hostileWordsReachTheCommandUnchangedAndRunNothing(@TempDir Path dir) throws IOException {
        for (String shell : List.of("sh", "bash")) {
            for (String w : HOSTILE) {
                assertEquals(w, echoThroughShell(shell, dir, w), shell + " changed " + w);
            }
        }
        assertEquals(List.of(), List.of(dir.toFile().list()), "a quoted word ran a command");
    }

    @Test
    void commandQuotesEveryWordAsOneArgument(@TempDir Path dir) throws IOException {
        List<String> words = List.of("a b", "$(touch PWNED)", "c'd", "");
        String script = "for a in " + ShellQuote.command(words) + "; do printf '<%s>' \"$a\"; done";
        Exec.Result r = Exec.run(new ProcessBuilder("sh", "-c", script).directory(dir.toFile()), Duration.ofSeconds(10));
        assertEquals("<a b><$(touch PWNED)><c'd><>", r.out());
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void quotingIsPlainSingleQuotes() {
        assertEquals("'abc'", ShellQuote.quote("abc"));
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
    }

    @Test
    void nulAndNullAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote(null));
    }
}
