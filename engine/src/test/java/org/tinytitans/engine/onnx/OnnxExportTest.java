package org.tinytitans.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tinytitans.engine.criteria.Criteria;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.model.ModelFile;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.onnx.proto.Onnx.ModelProto;
import org.tinytitans.engine.prune.FilterPruning;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.zoo.Zoo;

/** Every zoo vision model, dense and 50%-filter-pruned, exported and run in ONNX Runtime: the same logits as ours. */
public class OnnxExportTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../samples").normalize();

    static Stream<String> visionModels() {
        return Zoo.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visionModels")
    void onnxRuntimeGivesOurLogitsDenseAndPruned(String model, @TempDir Path dir) throws Exception {
        try (Network dense = Network.create(Zoo.build(model), 11)) {
            randomiseBatchNorms(dense);
            assertSameLogits(dense, dir.resolve("dense.onnx"));
            float[][] scores = NoGrad.call(() -> Criteria.l1(org.tinytitans.engine.criteria.Level.FILTER).score(dense, null, 1, Progress.NONE));
            try (Network pruned = NoGrad.call(() -> FilterPruning.apply(dense, scores, 0.5, "per-layer", List.of()))) {
                assertTrue(pruned.parameterCount() < dense.parameterCount());
                ModelProto m = assertSameLogits(pruned, dir.resolve("pruned.onnx"));
                // the pruned widths are in the file: its initializers hold exactly the pruned network's parameters
                long values = m.getGraph().getInitializerList().stream().filter(t -> t.getDataType() == 1 && t.hasRawData())
                        .mapToLong(t -> t.getRawData().size() / 4).sum();
                assertEquals(pruned.parameterCount(), values);
            }
        }
    }

    @Test
    void shippedMnistCnnWithItsTrainedWeights() throws Exception {
        try (Network net = ModelFile.load(SAMPLES.resolve("models/mnist-cnn.tt"))) {
            assertSameLogits(net, Files.createTempDirectory("onnx").resolve("mnist.onnx"));
        }
    }

    @Test
    void fileDeclaresOpset17AndASymbolicBatch(@TempDir Path dir) throws Exception {
        try (Network net = Network.create(Zoo.build("resnet20"), 1)) {
            Path f = dir.resolve("m.onnx");
            OnnxExport.write(net, f);
            ModelProto m = ModelProto.parseFrom(Files.readAllBytes(f));
            assertEquals(17, m.getOpsetImport(0).getVersion());
            assertEquals("batch", m.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
            assertEquals(List.of(3L, 32L, 32L), m.getGraph().getInput(0).getType().getTensorType().getShape().getDimList().stream()
                    .skip(1).map(d -> d.getDimValue()).toList());
            assertEquals(10, m.getGraph().getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        }
    }

    /** Exports, runs a batch of 2 in ONNX Runtime and in the engine; max |diff| within 1e-4 of the largest logit (at least 1). */
    public static ModelProto assertSameLogits(Network net, Path file) throws Exception {
        ModelProto m = OnnxExport.write(net, file);
        Graph g = net.graph();
        long[] shape = {2, g.inputLayer().out(), g.height(), g.width()};
        float[] x = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
        Random r = new Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] ours;
        try (NDManager nd = NDManager.newBaseManager()) {
            ours = NoGrad.call(() -> net.forward(nd.create(x, new Shape(shape))).toFloatArray());
        }
        float[] theirs;
        try (OnnxRuntimeModel ort = new OnnxRuntimeModel(Files.readAllBytes(file), 0)) {
            theirs = ort.run(x, shape);
        }
        assertEquals(ours.length, theirs.length);
        double scale = 1, worst = 0;
        for (int i = 0; i < ours.length; i++) {
            scale = Math.max(scale, Math.abs(ours[i]));
            worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
        }
        assertTrue(worst <= 1e-4 * scale, g.name() + ": max |ours - onnxruntime| " + worst + " with logits up to " + scale);
        return m;
    }

    /** Non-trivial BN statistics, so a mistake in how batch norms are exported shows in the logits. */
    static void randomiseBatchNorms(Network net) {
        Random r = new Random(9);
        for (String n : net.parameterNames()) {
            boolean positive = n.endsWith(".running_var") || n.endsWith(".gamma");
            if (positive || n.endsWith(".beta") || n.endsWith(".running_mean") || n.endsWith(".bias")) {
                float[] v = net.get(n);
                for (int i = 0; i < v.length; i++) {
                    v[i] = positive ? 0.5f + r.nextFloat() : (float) r.nextGaussian() * 0.2f;
                }
                net.set(n, v);
            }
        }
    }
}
