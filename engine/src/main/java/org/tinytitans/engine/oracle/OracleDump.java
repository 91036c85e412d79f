package org.tinytitans.engine.oracle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tinytitans.engine.data.ImageFolders;
import org.tinytitans.engine.data.ImageRecipe;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.model.Models;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.zoo.Zoo;

/**
 * What the engine computes for a model and some images, written as raw files for a reference implementation
 * to compare against (tests/e2e/torchvision-oracle.sh): analytic counts, the 8-bit pixels its preprocessing
 * makes, the logits on them, and the logits on input tensors the reference made itself (so the network is
 * compared on identical inputs). Little-endian; NCHW.
 *
 * <pre>OracleDump MODEL|- WEIGHTS OUT_DIR [IMAGES_DIR [INPUTS.f32]]
 * OracleDump --counts MODEL...</pre>
 * MODEL is a zoo name, or "-" for a .tt file (which carries its graph).
 *
 * Writes counts.json {params, paramsAll, macs, macsTutorial, classes, size}, and with images files.txt,
 * pixels.u8 (N x 3 x S x S), logits.f32 (N x classes); with inputs fed.f32 (M x classes).
 * {@code --counts} prints one JSON line per zoo model (its graph's analytic counts; no weights are built).
 */
public final class OracleDump {

    private OracleDump() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--counts")) {
            for (String name : java.util.Arrays.copyOfRange(args, 1, args.length)) {
                Graph g = Zoo.build(name);
                System.out.println(countsJson(name, g));
            }
            return;
        }
        if (args.length < 3) {
            System.err.println("usage: OracleDump MODEL|- WEIGHTS OUT_DIR [IMAGES_DIR [INPUTS.f32]]");
            System.exit(2);
        }
        String model = args[0].equals("-") ? null : args[0];
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        try (Network net = Models.load(model, Path.of(args[1]), model == null ? 0 : Zoo.entry(model).classes())) {
            Graph g = net.graph();
            int size = g.height();
            Files.writeString(out.resolve("counts.json"), countsJson(g.name(), g) + "\n");
            if (args.length > 3) {
                Path dir = Path.of(args[3]);
                List<Path> files;
                try (Stream<Path> s = Files.walk(dir)) {
                    files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".png")).sorted().toList();
                }
                ByteBuffer pixels = ByteBuffer.allocate(files.size() * 3 * size * size);
                float[] inputs = new float[files.size() * 3 * size * size];
                List<String> names = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    int[][] rgb = ImageRecipe.TORCHVISION.rgb(ImageFolders.read(files.get(i)), size);
                    for (int[] plane : rgb) {
                        for (int v : plane) {
                            pixels.put((byte) v);
                        }
                    }
                    float[] x = ImageRecipe.TORCHVISION.normalise(rgb);
                    System.arraycopy(x, 0, inputs, i * x.length, x.length);
                    names.add(dir.relativize(files.get(i)).toString());
                }
                Files.write(out.resolve("pixels.u8"), pixels.array());
                Files.write(out.resolve("files.txt"), names);
                Files.write(out.resolve("logits.f32"), logits(net, inputs, files.size(), size));
            }
            if (args.length > 4) {
                ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[4]))).order(ByteOrder.LITTLE_ENDIAN);
                float[] inputs = new float[b.remaining() / 4];
                b.asFloatBuffer().get(inputs);
                Files.write(out.resolve("fed.f32"), logits(net, inputs, inputs.length / (3 * size * size), size));
            }
        }
    }

    private static String countsJson(String name, Graph g) {
        Counts c = g.counts();
        return String.format(Locale.ROOT,
                "{\"model\": \"%s\", \"params\": %d, \"paramsAll\": %d, \"macs\": %d, \"macsTutorial\": %d, \"classes\": %d, \"size\": %d}",
                name, c.trainableParams(), c.params(), c.macs(), g.tutorialMacs(), g.classes(), g.height());
    }

    private static byte[] logits(Network net, float[] inputs, int n, int size) {
        return NoGrad.call(() -> {
            ByteBuffer out = ByteBuffer.allocate(n * net.graph().classes() * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) { // one image at a time: ResNet-50 activations stay small
                try (NDManager m = NDManager.newBaseManager()) {
                    float[] one = java.util.Arrays.copyOfRange(inputs, i * 3 * size * size, (i + 1) * 3 * size * size);
                    NDArray y = net.forward(m.create(one, new Shape(1, 3, size, size)));
                    for (float v : y.toFloatArray()) {
                        out.putFloat(v);
                    }
                }
            }
            return out.array();
        });
    }
}
