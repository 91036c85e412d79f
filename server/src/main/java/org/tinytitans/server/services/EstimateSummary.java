package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;

/** The `titans.estimate` command: analytic figures of every experiment, one line each. */
public final class EstimateSummary {
    private EstimateSummary() {}

    public static List<String> lines(SpecDocument doc, EstimateService estimates) {
        List<String> out = new ArrayList<>();
        for (Statement e : doc.root().experiments()) {
            String name = e.argument().map(Value::value).orElse("experiment");
            Optional<String> model = SpecQueries.modelOf(doc, e);
            if (model.isEmpty()) {
                out.add(name + ": no model");
                continue;
            }
            Optional<EstimateService.Figures> base = estimates.model(model.get());
            if (base.isEmpty()) {
                out.add(name + ": no analytic estimate for " + model.get());
                continue;
            }
            StringBuilder sb = new StringBuilder(name + " (" + model.get() + "): " + Estimates.model(base.get()));
            for (Statement p : e.children()) {
                if (!p.name().equals("prune")) continue;
                SpecQueries.pruneQuery(p, null).flatMap(q -> estimates.prune(model.get(), q)).ifPresent(f ->
                        sb.append("; prune ").append(p.argument().map(Value::value).orElse("")).append(": ")
                                .append(Estimates.pruneLine(f)));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
