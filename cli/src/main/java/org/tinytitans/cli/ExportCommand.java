package org.tinytitans.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.model.Models;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.onnx.OnnxExport;
import org.tinytitans.engine.report.ExperimentResult;
import org.tinytitans.engine.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code titans-cli export RESULT|MODEL --format onnx}: the pruned model (or any model file) as ONNX. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a model as ONNX (opset 17) with its pruned shapes, for ONNX Runtime and other deployment tools.",
            "RESULT is a result.json or its .titans/STEM/ folder: every experiment's pruned model (model.tt) is exported"
                + " to model.onnx beside it. MODEL is a model file: the engine's .tt, or .h5/.safetensors weights with --model.",
            "Input: 'input' (batch, C, H, W) float32 with a symbolic batch; output: 'logits' (batch, classes)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written (the paths are printed)", "2:usage error, or no readable model"})
final class ExportCommand implements Callable<Integer> {

    static final class Formats extends ArrayList<String> {
        Formats() {
            super(List.of("onnx"));
        }
    }

    @Parameters(index = "0", paramLabel = "RESULT|MODEL", description = "A result.json, a .titans/STEM/ folder, or a model file.")
    Path input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "onnx", completionCandidates = Formats.class,
            description = "Export format: onnx (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (one model only); default: beside the model, .onnx.")
    Path out;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME", description = "Zoo architecture of .h5 or .safetensors weights (a .tt file carries its own).")
    String model;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.toLowerCase(Locale.ROOT).equals("onnx")) {
            throw new UsageException("unknown export format '" + format + "' (use one of " + String.join(", ", new Formats()) + ")");
        }
        if (!Files.exists(input)) {
            throw new UsageException(input + ": no such file or folder");
        }
        List<Path> models = models(input);
        if (out != null && models.size() != 1) {
            throw new UsageException("--out names one file, but " + input + " holds " + models.size() + " models");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        for (Path m : models) {
            Path target = out != null ? out : m.resolveSibling(stripExtension(m.getFileName().toString()) + ".onnx");
            int classes = model != null && Zoo.has(model) ? Zoo.entry(model).classes() : 0;
            try (Network net = Models.load(model, m, classes)) {
                OnnxExport.write(net, target);
                stdout.println(target + "  (" + net.graph().name() + ", " + net.parameterCount() + " params, opset " + OnnxExport.OPSET + ")");
            } catch (IOException | RuntimeException e) {
                throw new UsageException(m + ": cannot export (" + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")");
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The model files a path stands for: itself, or the pruned models a result names. */
    private static List<Path> models(Path path) {
        Path result = Files.isDirectory(path) ? path.resolve("result.json") : path;
        if (Files.isDirectory(path) && !Files.exists(result)) {
            if (Files.exists(path.resolve("model.tt"))) {
                return List.of(path.resolve("model.tt"));
            }
            throw new UsageException(path + ": holds neither result.json nor model.tt");
        }
        if (!result.getFileName().toString().endsWith(".json")) {
            return List.of(path);
        }
        List<Path> found = new ArrayList<>();
        for (ExperimentResult e : ResultFiles.read(result).experiments()) {
            String f = e.modelFile();
            if (f != null && f.endsWith(".tt")) {
                // written relative to the run folder or to its experiments/ folder, depending on the version
                Path dir = result.toAbsolutePath().getParent();
                Path file = dir.resolve(f);
                found.add(Files.exists(file) ? file : dir.resolve("experiments").resolve(f));
            }
        }
        if (found.isEmpty()) {
            throw new UsageException(result + ": names no pruned vision model (model_file) to export");
        }
        return found;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
