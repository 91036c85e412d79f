package org.tinytitans.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tinytitans.engine.files.AtomicFiles;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code titans-cli init}: a commented starter spec for a zoo model, ready to check and run. */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        description = {"Write a commented starter spec for a zoo model (see `titans-cli models`).",
            "It checks clean as written; edit the weights, data path, criterion and ratio to taste."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:unknown model, or the file exists (use --force) or cannot be written"})
final class InitCommand implements Callable<Integer> {

    /** Completion candidates: the zoo's model names. */
    static final class Models extends java.util.ArrayList<String> {
        Models() {
            super(Catalog.get().models().stream().map(ModelInfo::name).toList());
        }
    }

    @Option(names = {"-m", "--model"}, paramLabel = "NAME", defaultValue = "mnist-cnn", completionCandidates = Models.class,
            description = "The zoo model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "The spec file to write (default: MODEL.prune here); '-' prints it.")
    String out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelInfo m = Catalog.get().model(model).orElseThrow(() -> new UsageException("unknown model '" + model + "'"
                + Catalog.didYouMean(model, new Models()).map(s -> " (did you mean '" + s + "'?)").orElse("")
                + "; `titans-cli models` lists them"));
        String text = StarterSpec.forModel(m);
        PrintWriter stdout = spec.commandLine().getOut();
        if ("-".equals(out)) {
            stdout.print(text);
            stdout.flush();
            return ExitCodes.OK;
        }
        Path target = Path.of(out != null ? out : m.name() + ".prune");
        if (Files.exists(target) && !force) {
            throw new UsageException(target + ": already exists (use --force to overwrite it)");
        }
        if (Files.isDirectory(target)) {
            throw new UsageException(target + ": is a directory");
        }
        try {
            AtomicFiles.writeString(target, text);
        } catch (IOException e) {
            throw new UsageException(target + ": cannot write (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        stdout.println("wrote " + target + " (next: titans-cli check " + target + ")");
        stdout.flush();
        return ExitCodes.OK;
    }
}
