package org.tinytitans.engine.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.MnistIdx;
import org.tinytitans.engine.data.Split;
import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.lm.train.AdamW;
import org.tinytitans.engine.lm.train.NamedArgs;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;
import org.tinytitans.engine.weights.Tensor;

/**
 * Trains the shipped tiny ViT (samples/models/tiny-vit) on the shipped MNIST digits with DJL autograd over the
 * engine's own ViT forward pass ({@link Encoder}), AdamW with warm-up and cosine decay, and random shifts of up to
 * {@code --shift} pixels; then writes a Hugging Face {@code ViTForImageClassification} folder. The shipped model was
 * made with the command in samples/models/tiny-vit/README.md.
 */
public final class TrainTinyVit {

    /** Every setting, with the shipped model's values as defaults. */
    record Settings(Path data, Path out, int epochs, int batch, double lr, int hidden, int layers, int heads, int mlp,
                    int patch, int shift, long seed) {
        static Settings parse(String[] args) {
            Map<String, String> a = NamedArgs.parse(args);
            if (!a.containsKey("data") || !a.containsKey("out")) {
                throw new IllegalArgumentException("usage: TrainTinyVit --data MNIST_DIR --out DIR [--epochs 12] [--batch 64] [--lr 2e-3] "
                        + "[--hidden 64] [--layers 4] [--heads 4] [--mlp 256] [--patch 4] [--shift 2] [--seed 0]");
            }
            return new Settings(Path.of(a.get("data")), Path.of(a.get("out")), Integer.parseInt(a.getOrDefault("epochs", "12")),
                    Integer.parseInt(a.getOrDefault("batch", "64")), Double.parseDouble(a.getOrDefault("lr", "2e-3")),
                    Integer.parseInt(a.getOrDefault("hidden", "64")), Integer.parseInt(a.getOrDefault("layers", "4")),
                    Integer.parseInt(a.getOrDefault("heads", "4")), Integer.parseInt(a.getOrDefault("mlp", "256")),
                    Integer.parseInt(a.getOrDefault("patch", "4")), Integer.parseInt(a.getOrDefault("shift", "2")),
                    Long.parseLong(a.getOrDefault("seed", "0")));
        }
    }

    private TrainTinyVit() {}

    public static void main(String[] args) throws IOException {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ImageSet train = MnistIdx.load(s.data(), Split.TRAIN);
        ImageSet test = MnistIdx.load(s.data(), Split.TEST);
        long start = System.nanoTime();
        VitConfig c = config(s, train);
        Map<String, Tensor> w = train(s, c, train, System.out);
        System.out.printf("trained in %.0f s%n", (System.nanoTime() - start) / 1e9);
        try (VitModel m = new VitModel(c, w)) {
            System.out.printf("test accuracy %.4f on %d images (%s)%n", accuracy(m, test), test.size(), s.data());
        }
        VisionCheckpoints.saveVit(c, w, s.out());
        long params = w.values().stream().mapToLong(t -> t.values().length).sum();
        System.out.println("wrote " + s.out() + " (" + params + " params, F32)");
    }

    static VitConfig config(Settings s, ImageSet data) {
        if (data.height() != data.width()) {
            throw new IllegalArgumentException("square images only, not " + data.height() + "x" + data.width());
        }
        return new VitConfig(new VisionTower(new EncoderConfig(s.hidden(), s.layers(), s.heads(), s.mlp(), 1e-12, Act.GELU),
                data.height(), s.patch(), data.channels(), false), data.classes());
    }

    /** Trains from scratch; the weights under engine names. */
    static Map<String, Tensor> train(Settings s, VitConfig c, ImageSet data, PrintStream log) {
        Random random = new Random(s.seed());
        Map<String, Tensor> init = VitModel.initialWeights(c, random);
        TorchRuntime.engine();
        int perEpoch = data.size() / s.batch();
        int steps = s.epochs() * perEpoch;
        try (NDManager params = Devices.manager()) {
            Map<String, NDArray> w = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : init.entrySet()) {
                NDArray a = Owned.floats(params, e.getValue().values(), new Shape(e.getValue().shape()));
                a.setRequiresGradient(true);
                w.put(e.getKey(), a);
            }
            AdamW adam = new AdamW(params, w, 0.05);
            VitModel model = new VitModel(c, TensorStore.live(w));
            int step = 0;
            long start = System.nanoTime();
            for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                int[] order = permutation(data.size(), random);
                double sum = 0;
                int right = 0;
                for (int b = 0; b < perEpoch; b++) {
                    step++;
                    float[] pixels = new float[s.batch() * data.imageSize()];
                    long[][] labels = new long[s.batch()][1];
                    for (int i = 0; i < s.batch(); i++) {
                        int k = order[b * s.batch() + i];
                        shifted(data, k, random.nextInt(2 * s.shift() + 1) - s.shift(), random.nextInt(2 * s.shift() + 1) - s.shift(),
                                pixels, i * data.imageSize());
                        labels[i][0] = data.labels()[k];
                    }
                    try (NDManager scope = Devices.manager(); GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                        NDArray x = Owned.floats(scope, pixels, new Shape(s.batch(), data.channels(), data.height(), data.width()));
                        NDArray logits = model.logits(scope, x);
                        NDArray loss = Transformer.crossEntropy(scope, logits.expandDims(1), labels);
                        gc.backward(loss);
                        sum += loss.getFloat();
                        long[] argmax = logits.argMax(1).toLongArray();
                        for (int i = 0; i < s.batch(); i++) {
                            right += argmax[i] == labels[i][0] ? 1 : 0;
                        }
                    }
                    adam.step(AdamW.warmupCosine(s.lr(), steps, step), 1.0);
                }
                log.printf("epoch %d/%d loss %.4f train accuracy %.4f lr %.2e %.0fs%n", epoch, s.epochs(), sum / perEpoch,
                        (double) right / (perEpoch * s.batch()), AdamW.warmupCosine(s.lr(), steps, step), (System.nanoTime() - start) / 1e9);
            }
            Map<String, Tensor> trained = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : w.entrySet()) {
                trained.put(e.getKey(), new Tensor(e.getValue().getShape().getShape(), e.getValue().toFloatArray()));
            }
            return trained;
        }
    }

    /** Top-1 accuracy of {@code m} on {@code data}, in batches of 256. */
    static double accuracy(VitModel m, ImageSet data) {
        int right = 0;
        for (int from = 0; from < data.size(); from += 256) {
            int to = Math.min(data.size(), from + 256);
            float[][] images = new float[to - from][];
            for (int i = from; i < to; i++) {
                images[i - from] = data.batchPixels(i, i + 1);
            }
            float[][] logits = m.logits(images);
            for (int i = 0; i < logits.length; i++) {
                int best = 0;
                for (int j = 1; j < logits[i].length; j++) {
                    best = logits[i][j] > logits[i][best] ? j : best;
                }
                right += best == data.labels()[from + i] ? 1 : 0;
            }
        }
        return (double) right / data.size();
    }

    /** Image {@code k} moved by (dy, dx) pixels, the uncovered border zero, into {@code out} at {@code at}. */
    private static void shifted(ImageSet data, int k, int dy, int dx, float[] out, int at) {
        int h = data.height();
        int wd = data.width();
        for (int ch = 0; ch < data.channels(); ch++) {
            int base = k * data.imageSize() + ch * h * wd;
            for (int y = 0; y < h; y++) {
                int sy = y - dy;
                for (int x = 0; x < wd; x++) {
                    int sx = x - dx;
                    out[at + ch * h * wd + y * wd + x] = sy < 0 || sy >= h || sx < 0 || sx >= wd ? 0f : data.pixels()[base + sy * wd + sx];
                }
            }
        }
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
