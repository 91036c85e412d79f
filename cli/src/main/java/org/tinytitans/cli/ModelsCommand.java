package org.tinytitans.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code titans-cli models}: the model zoo, with the catalog's docs (the editor's hover text). */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        description = "List the zoo's models: family, default dataset, input shape, classes and what each is.")
final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonArray arr = new JsonArray();
            for (ModelInfo m : Catalog.get().models()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", m.name());
                o.addProperty("family", m.family());
                o.addProperty("dataset", m.defaultDataset());
                JsonArray shape = new JsonArray();
                m.inputShape().forEach(shape::add);
                o.add("inputShape", shape);
                o.addProperty("classes", m.classes());
                o.addProperty("doc", m.doc());
                arr.add(o);
            }
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(arr));
        } else {
            int width = Catalog.get().models().stream().mapToInt(m -> m.name().length()).max().orElse(10);
            for (ModelInfo m : Catalog.get().models()) {
                String shape = m.inputShape().stream().map(String::valueOf).collect(Collectors.joining("x"));
                String facts = m.family() + ", " + m.defaultDataset() + ", input " + shape
                        + (m.classes() > 0 ? ", " + m.classes() + " classes" : "");
                out.printf("%-" + width + "s  %s%n", m.name(), facts);
                for (String line : Wrap.lines(m.doc(), 96)) out.println("    " + line);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
