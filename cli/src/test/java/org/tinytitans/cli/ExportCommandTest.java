package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tinytitans.engine.job.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.onnx.proto.Onnx.ModelProto;

class ExportCommandTest {
    static final Path MNIST = Path.of("../samples/models/mnist-cnn.tt").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aModelFileBecomesOnnxWhereAsked() throws Exception {
        Path target = dir.resolve("out/mnist.onnx");
        CliRun run = CliRun.of("export", MNIST.toString(), "--format", "onnx", "-o", target.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(target.toString()), run.out());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(target));
        assertEquals(17, m.getOpsetImport(0).getVersion());
        assertEquals("logits", m.getGraph().getOutput(0).getName());
    }

    @Test
    void aResultFolderExportsItsPrunedModelBesideIt() throws Exception {
        Path results = dir.resolve("runs");
        CliRun ran = CliRun.of("run", "--quiet", "--out", results.toString(), RunAndEstimateTest.QUICKSTART.toString());
        assertEquals(ExitCodes.OK, ran.exitCode(), ran.out() + ran.err());
        CliRun run = CliRun.of("export", results.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        Path onnx = results.resolve("experiments/quickstart/model.onnx");
        assertTrue(Files.isRegularFile(onnx), run.out());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(onnx));
        // the pruned widths: conv1 kept half of its filters
        long conv1 = m.getGraph().getInitializerList().stream().filter(t -> t.getName().endsWith("conv1.weight")).findFirst()
                .orElseThrow().getDims(0);
        assertEquals(8, conv1, "conv1 keeps 8 of its 16 filters");
    }

    @Test
    void unknownFormatAndMissingInputAreUsageErrors() {
        CliRun format = CliRun.of("export", MNIST.toString(), "--format", "tflite");
        assertEquals(ExitCodes.USAGE, format.exitCode());
        assertTrue(format.err().contains("unknown export format 'tflite'"), format.err());
        CliRun missing = CliRun.of("export", dir.resolve("nope.tt").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
