package org.tinytitans.server.services;

import java.util.List;
import org.tinytitans.language.SpecDocument;

/**
 * Maps a line of the text that ran to the document as it is now. Results belong to the saved text; while the
 * user edits, a finding stays on its line if that line is unchanged, follows it if it moved, and disappears
 * if it was edited (a stale number beside a changed line would mislead).
 */
final class RunLines {
    private final List<String> ran;
    private final List<String> now;

    RunLines(String ranText, SpecDocument doc) {
        this.ran = ranText == null ? List.of() : List.of(ranText.split("\n", -1));
        this.now = List.of(doc.text().split("\n", -1));
    }

    /** The 0-based current line of a 1-based line of the run, or -1 when it no longer exists as it was. */
    int map(Integer oneBased) {
        if (oneBased == null || oneBased < 1 || oneBased > ran.size()) return -1;
        int i = oneBased - 1;
        String line = ran.get(i).stripTrailing();
        if (i < now.size() && now.get(i).stripTrailing().equals(line)) return i;
        int found = -1;
        for (int k = 0; k < now.size(); k++) {
            if (now.get(k).stripTrailing().equals(line)) {
                if (found >= 0) return -1; // ambiguous
                found = k;
            }
        }
        return found;
    }
}
