package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.tinytitans.server.jobs.JobResults;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;

/**
 * Lenses above the first experiment (the file is the unit a job runs): Run, Estimate, and Cancel while a job
 * runs, Open report once results exist; and "Search ratios" above each prune block whose ratio is `auto` while no
 * job runs. They execute server-side commands, so every client can use them.
 */
public final class CodeLenses {
    public static final String RUN = "titans.run";
    public static final String ESTIMATE = "titans.estimate";
    public static final String CANCEL = "titans.cancel";
    public static final String OPEN_REPORT = "titans.openReport";
    /** Runs the spec as Run does; on a prune block whose ratio is `auto`, where the job searches for the ratios. */
    public static final String SEARCH = "titans.searchRatios";
    public static final List<String> COMMANDS = List.of(RUN, ESTIMATE, CANCEL, OPEN_REPORT, SEARCH);

    private CodeLenses() {}

    public static List<CodeLens> lenses(SpecDocument doc, String uri, boolean running, JobResults results) {
        List<Statement> experiments = doc.root().experiments();
        Range at = experiments.isEmpty() ? Ranges.line(doc, 1) : Ranges.lsp(experiments.get(0).headRange());
        List<CodeLens> out = new ArrayList<>();
        if (running) {
            out.add(lens(at, "\u25a0 Cancel run", CANCEL, uri));
        } else {
            out.add(lens(at, "\u25b6 Run", RUN, uri));
        }
        out.add(lens(at, "Estimate", ESTIMATE, uri));
        if (results != null && results.state() == JobResults.State.FINISHED) {
            out.add(lens(at, (results.passed() ? "\u2713" : "\u2717") + " Open report", OPEN_REPORT, uri));
        }
        if (!running) {
            for (SearchBlocks b : SearchBlocks.of(doc)) {
                out.add(lens(Ranges.lsp(b.prune().headRange()), "\u25b6 Search ratios", SEARCH, uri));
            }
        }
        return out;
    }

    private static CodeLens lens(Range range, String title, String command, String uri) {
        return new CodeLens(range, new Command(title, command, List.of(uri)), null);
    }
}
