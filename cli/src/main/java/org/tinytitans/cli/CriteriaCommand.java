package org.tinytitans.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.GranularityInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code titans-cli criteria}: the pruning criteria with the catalog's docs and references (the hover text). */
@Command(name = "criteria",
        mixinStandardHelpOptions = true,
        description = "List pruning criteria: what each scores, whether it needs data, where it comes from.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:unknown granularity"})
final class CriteriaCommand implements Callable<Integer> {

    /** Completion candidates: the catalog's granularities. */
    static final class Granularities extends java.util.ArrayList<String> {
        Granularities() {
            super(Catalog.get().granularities().stream().map(GranularityInfo::name).toList());
        }
    }

    @Option(names = {"-g", "--granularity"}, paramLabel = "G", completionCandidates = Granularities.class,
            description = "Only the criteria valid for this granularity: ${COMPLETION-CANDIDATES}.")
    String granularity;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Catalog c = Catalog.get();
        List<CriterionInfo> list = c.criteria();
        GranularityInfo g = null;
        if (granularity != null) {
            g = c.granularity(granularity).orElseThrow(() -> new UsageException("unknown granularity '" + granularity + "'"
                    + Catalog.didYouMean(granularity, new Granularities()).map(s -> " (did you mean '" + s + "'?)").orElse("")
                    + "; granularities: " + String.join(", ", new Granularities())));
            list = c.criteria(granularity);
        }
        String byDefault = g == null ? null : c.defaultCriterion(g.name()).orElse(null);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonArray arr = new JsonArray();
            for (CriterionInfo ci : list) {
                JsonObject o = new JsonObject();
                o.addProperty("name", ci.name());
                o.addProperty("title", ci.title());
                o.addProperty("needsData", ci.needsData());
                o.addProperty("cost", ci.cost().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                JsonArray grans = new JsonArray();
                ci.granularities().forEach(grans::add);
                o.add("granularities", grans);
                JsonObject families = new JsonObject();
                for (String gn : ci.granularities()) {
                    JsonArray fs = new JsonArray();
                    c.families(gn, ci.name()).forEach(f -> fs.add(f.key()));
                    families.add(gn, fs);
                }
                o.add("families", families);
                o.addProperty("doc", ci.doc());
                o.addProperty("reference", ci.reference());
                if (g != null) o.addProperty("default", ci.name().equals(byDefault));
                arr.add(o);
            }
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(arr));
        } else {
            if (g != null) {
                out.println("prune " + g.name() + " removes " + g.removes() + ".");
                for (String line : Wrap.lines(g.doc(), 100)) out.println(line);
                out.println();
            }
            for (CriterionInfo ci : list) {
                out.println(ci.name() + "  " + ci.title() + "  (" + ci.cost().label() + (ci.name().equals(byDefault) ? "; the default" : "") + ")");
                for (String line : Wrap.lines("for " + c.applies(ci.name()), 96)) out.println("    " + line);
                for (String line : Wrap.lines(ci.doc(), 96)) out.println("    " + line);
                out.println("    " + ci.reference());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
