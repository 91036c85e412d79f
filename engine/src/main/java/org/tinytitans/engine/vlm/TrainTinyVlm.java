package org.tinytitans.engine.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
import org.tinytitans.engine.lm.model.HfCheckpoint;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.lm.train.AdamW;
import org.tinytitans.engine.lm.train.NamedArgs;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;
import org.tinytitans.engine.vit.Act;
import org.tinytitans.engine.vit.EncoderConfig;
import org.tinytitans.engine.vit.LlavaCheckpoint;
import org.tinytitans.engine.vit.LlavaConfig;
import org.tinytitans.engine.vit.LlavaModel;
import org.tinytitans.engine.vit.VisionNames;
import org.tinytitans.engine.vit.VisionTower;
import org.tinytitans.engine.weights.Tensor;

/**
 * Trains the shipped tiny LLaVA-style model (samples/models/tiny-vlm): a CLIP-style vision tower on 28x28
 * digits (patch 4: 49 image tokens), a two-layer GELU projector and the shipped tiny-lm decoder, all trained
 * together with AdamW on {@link DigitVqa} questions about the MNIST train split, the loss on the answer's
 * tokens only. The decoder starts from tiny-lm's weights, the tower and projector from N(0, 0.02). Run (one
 * PyTorch thread, as TrainTinyLm):
 * <pre>
 * OMP_NUM_THREADS=1 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp cli/target/titans-cli.jar org.tinytitans.engine.vlm.TrainTinyVlm --lm samples/models/tiny-lm \
 *   --mnist samples/data/mnist --out samples/models/tiny-vlm
 * </pre>
 */
public final class TrainTinyVlm {
    /** Byte 0 (NUL) never occurs in the prompts, so the byte-level decoder's id 0 marks the image. */
    static final int IMAGE_TOKEN = 0;

    record Settings(Path lm, Path mnist, Path out, int steps, int batch, double lr, int hidden, int layers, int heads, int mlp,
                    int patch, long seed) {
        static Settings parse(String[] args) {
            Map<String, String> a = NamedArgs.parse(args);
            if (!a.containsKey("lm") || !a.containsKey("mnist") || !a.containsKey("out")) {
                throw new IllegalArgumentException("usage: TrainTinyVlm --lm DIR --mnist DIR --out DIR [--steps 1000] [--batch 16] "
                        + "[--lr 1e-3] [--hidden 64] [--layers 4] [--heads 4] [--mlp 128] [--patch 4] [--seed 0]");
            }
            return new Settings(Path.of(a.get("lm")), Path.of(a.get("mnist")), Path.of(a.get("out")),
                    Integer.parseInt(a.getOrDefault("steps", "1000")), Integer.parseInt(a.getOrDefault("batch", "16")),
                    Double.parseDouble(a.getOrDefault("lr", "1e-3")), Integer.parseInt(a.getOrDefault("hidden", "64")),
                    Integer.parseInt(a.getOrDefault("layers", "4")), Integer.parseInt(a.getOrDefault("heads", "4")),
                    Integer.parseInt(a.getOrDefault("mlp", "128")), Integer.parseInt(a.getOrDefault("patch", "4")),
                    Long.parseLong(a.getOrDefault("seed", "0")));
        }
    }

    private TrainTinyVlm() {}

    public static void main(String[] args) throws IOException {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        try (LlavaModel model = train(s, System.out)) {
            LlavaCheckpoint.save(model, s.out(), "F16");
            System.out.printf("wrote %s (%d params, F16) after %.0f s%n", s.out(), model.paramCount(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The tower, projector and decoder shape of the shipped model. */
    static LlavaConfig config(Settings s, LanguageModel decoder) {
        VisionTower tower = new VisionTower(new EncoderConfig(s.hidden(), s.layers(), s.heads(), s.mlp(), 1e-5, Act.GELU), 28, s.patch(), 1, true);
        return new LlavaConfig(tower, decoder.config(), 2, Act.GELU, true, IMAGE_TOKEN, -1, true);
    }

    static LlavaModel train(Settings s, PrintStream log) throws IOException {
        LanguageModel lm = HfCheckpoint.load(s.lm());
        LlavaConfig c = config(s, lm);
        ImageSet train = MnistIdx.load(s.mnist(), Split.TRAIN);
        Random random = new Random(s.seed());
        TorchRuntime.engine();
        try (NDManager params = Devices.manager()) {
            Map<String, NDArray> w = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : VisionNames.expected(c).entrySet()) {
                w.put(e.getKey(), trainable(params, initial(e.getKey(), e.getValue(), random)));
            }
            for (Map.Entry<String, Tensor> e : lm.weights().entrySet()) {
                w.put(e.getKey(), trainable(params, e.getValue()));
            }
            Transformer tf = new Transformer(c.text(), w::get);
            AdamW adam = new AdamW(params, w, 0.01);
            long t0 = System.nanoTime();
            double smooth = Double.NaN;
            int right = 0;
            int seen = 0;
            for (int step = 1; step <= s.steps(); step++) {
                int[] pick = new int[s.batch()];
                long[][] text = null;
                long[][] target = new long[s.batch()][];
                for (int b = 0; b < s.batch(); b++) {
                    pick[b] = random.nextInt(train.size());
                    VisualQuestion q = DigitVqa.question("train#" + pick[b], train.labels()[pick[b]], random, 0);
                    long[] prompt = lm.tokenizer().encode(q.prompt().substring(VisualQuestion.IMAGE.length()));
                    long[] answer = lm.tokenizer().encode(q.continuation(q.answer()));
                    if (text == null) {
                        text = new long[s.batch()][];
                    }
                    // the text after the image, the answer's tokens fed in but the last
                    long[] in = new long[prompt.length + answer.length - 1];
                    System.arraycopy(prompt, 0, in, 0, prompt.length);
                    System.arraycopy(answer, 0, in, prompt.length, answer.length - 1);
                    text[b] = in;
                    target[b] = answer;
                }
                float loss;
                int batchRight;
                try (NDManager scope = Devices.manager(); GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                    NDArray pixels = Owned.floats(scope, train.subset(pick).pixels(), new Shape(s.batch(), 1, 28, 28));
                    NDArray features = LlavaModel.imageFeatures(scope, c, w::get, pixels);
                    NDArray x = NDArrays.concat(new NDList(features, tf.embed(scope, text)), 1);
                    int a = target[0].length;
                    NDArray h = tf.hidden(scope, x, null, null).get(new NDIndex(":, -" + a + ":, :"));
                    NDArray logits = tf.head(scope, h);
                    NDArray l = Transformer.crossEntropy(scope, logits, target);
                    gc.backward(l);
                    loss = l.getFloat();
                    // the answer's last token is the digit: is it the most likely one?
                    long[] best = logits.get(new NDIndex(":, -1, :")).argMax(-1).toLongArray();
                    batchRight = 0;
                    for (int b = 0; b < s.batch(); b++) {
                        batchRight += best[b] == target[b][a - 1] ? 1 : 0;
                    }
                }
                adam.step(AdamW.warmupCosine(s.lr(), s.steps(), step), 1.0);
                right += batchRight;
                seen += s.batch();
                smooth = Double.isNaN(smooth) ? loss : 0.98 * smooth + 0.02 * loss;
                if (step % 50 == 0 || step == 1 || !Float.isFinite(loss)) {
                    log.printf("step %d/%d loss %.3f (smoothed %.3f) answer right %.1f%% over the last steps, lr %.2e %.0fs%n", step,
                            s.steps(), loss, smooth, 100.0 * right / seen, AdamW.warmupCosine(s.lr(), s.steps(), step),
                            (System.nanoTime() - t0) / 1e9);
                    right = 0;
                    seen = 0;
                }
            }
            Map<String, Tensor> vision = new LinkedHashMap<>();
            Map<String, Tensor> decoder = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : w.entrySet()) {
                Tensor t = new Tensor(e.getValue().getShape().getShape(), e.getValue().toFloatArray());
                (lm.weights().containsKey(e.getKey()) ? decoder : vision).put(e.getKey(), t);
            }
            return new LlavaModel(c, vision, lm.with(c.text(), decoder));
        }
    }

    private static NDArray trainable(NDManager m, Tensor t) {
        NDArray a = Owned.floats(m, t.values(), new Shape(t.shape()));
        a.setRequiresGradient(true);
        return a;
    }

    /** Norm gains 1, biases and norm shifts 0, everything else N(0, 0.02). */
    static Tensor initial(String name, long[] shape, Random random) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        boolean norm = name.contains("norm.");
        if (norm && name.endsWith(".w")) {
            java.util.Arrays.fill(v, 1f);
        } else if (!name.endsWith(".b")) {
            for (int i = 0; i < n; i++) {
                v[i] = (float) (random.nextGaussian() * 0.02);
            }
        }
        return new Tensor(shape, v);
    }
}
