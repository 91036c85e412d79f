package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.server.estimates.EstimateService;

/** The `titans.estimate` command: analytic figures of every resolved run (as `titans-cli estimate`), one line each. */
public final class EstimateSummary {
    private EstimateSummary() {}

    public static List<String> lines(SpecDocument doc, EstimateService estimates) {
        List<String> out = new ArrayList<>();
        for (ExperimentRun run : ResolvedRuns.of(doc).runs()) {
            String model = run.model().name();
            if (model == null) {
                out.add(run.id() + ": no model");
                continue;
            }
            Optional<EstimateService.RunFigures> figures = estimates.run(run);
            if (figures.isEmpty()) {
                out.add(run.id() + ": no analytic estimate for " + model);
                continue;
            }
            StringBuilder sb = new StringBuilder(run.id() + " (" + model + "): " + Estimates.model(figures.get().last().before()));
            for (int i = 0; i < run.prunes().size(); i++) {
                sb.append("; prune ").append(run.prunes().get(i).granularity()).append(": ")
                        .append(Estimates.pruneLine(figures.get().steps().get(i)));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
