package org.tinytitans.engine.lm.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.lm.eval.Perplexity;
import org.tinytitans.engine.lm.model.ByteTokenizer;
import org.tinytitans.engine.lm.model.HfCheckpoint;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.lm.model.Shapes;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.weights.Tensor;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * Trains the shipped byte-level sample model (Llama layout: RoPE, RMSNorm, SwiGLU, grouped-query attention)
 * on plain text with AdamW, warm-up plus cosine decay and gradient clipping, then writes a Hugging Face
 * folder. The shipped model was made with (see samples/models/tiny-lm/README.md):
 * <pre>
 * bible 'gen1:1-mal4:6' > /tmp/kjv-ot.txt
 * OMP_NUM_THREADS=1 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *      -cp ... org.tinytitans.engine.lm.train.TrainTinyLm --text /tmp/kjv-ot.txt --eval samples/data/kjv.txt \
 *      --out samples/models/tiny-lm
 * </pre>
 * One PyTorch thread: on a shared 2-core machine two OpenMP threads spent most of their time waiting for each
 * other on these small matrices.
 */
public final class TrainTinyLm {

    /** Every setting, with the shipped model's values as defaults. */
    record Settings(Path text, Path eval, Path out, int steps, int batch, int seq, double lr, int hidden, int layers,
                    int heads, int kvHeads, int mlp, long seed, String dtype) {
        static Settings parse(String[] args) {
            Map<String, String> a = NamedArgs.parse(args);
            if (!a.containsKey("text") || !a.containsKey("out")) {
                throw new IllegalArgumentException("usage: TrainTinyLm --text FILE --out DIR [--eval FILE] [--steps 1500] "
                        + "[--batch 6] [--seq 256] [--lr 3e-3] [--hidden 128] [--layers 6] [--heads 4] [--kv 2] [--mlp 320] [--seed 0] [--dtype F16]");
            }
            return new Settings(Path.of(a.get("text")), a.containsKey("eval") ? Path.of(a.get("eval")) : null, Path.of(a.get("out")),
                    Integer.parseInt(a.getOrDefault("steps", "1500")), Integer.parseInt(a.getOrDefault("batch", "6")),
                    Integer.parseInt(a.getOrDefault("seq", "256")), Double.parseDouble(a.getOrDefault("lr", "3e-3")),
                    Integer.parseInt(a.getOrDefault("hidden", "128")), Integer.parseInt(a.getOrDefault("layers", "6")),
                    Integer.parseInt(a.getOrDefault("heads", "4")), Integer.parseInt(a.getOrDefault("kv", "2")),
                    Integer.parseInt(a.getOrDefault("mlp", "320")), Long.parseLong(a.getOrDefault("seed", "0")),
                    a.getOrDefault("dtype", "F16"));
        }
    }

    private TrainTinyLm() {}

    public static void main(String[] args) throws IOException {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LanguageModel model = train(s, System.out);
        if (s.eval() != null) {
            String eval = Files.readString(s.eval(), StandardCharsets.UTF_8);
            System.out.printf("held-out perplexity on %s (first 64k bytes, seq %d): %.3f%n", s.eval(), s.seq(),
                    Perplexity.of(model, eval, s.seq(), 65536));
        }
        HfCheckpoint.save(model, s.out(), s.dtype());
        System.out.println("wrote " + s.out() + " (" + model.paramCount() + " params, " + s.dtype() + ")");
    }

    /** Trains from scratch and returns the model (float weights, byte tokenizer). */
    static LanguageModel train(Settings s, java.io.PrintStream log) throws IOException {
        byte[] text = read(s.text());
        if (text.length < 2 * s.seq()) {
            throw new IOException(s.text() + ": only " + text.length + " bytes; need at least " + 2 * s.seq());
        }
        LmConfig c = new LmConfig(Layout.LLAMA, 256, s.hidden(), s.layers(), s.heads(), s.kvHeads(), s.hidden() / s.heads(),
                s.mlp(), Math.max(1024, 4 * s.seq()), 1e-5, 10000.0, true);
        Random random = new Random(s.seed());
        Map<String, Tensor> init = initialWeights(c, random);
        TorchRuntime.engine();
        try (NDManager params = Devices.manager()) {
            Map<String, NDArray> w = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : init.entrySet()) {
                NDArray a = Owned.floats(params, e.getValue().values(), new Shape(e.getValue().shape()));
                a.setRequiresGradient(true);
                w.put(e.getKey(), a);
            }
            AdamW adam = new AdamW(params, w, 0.1);
            Transformer tf = new Transformer(c, w::get);
            long start = System.nanoTime();
            double smooth = Double.NaN;
            for (int step = 1; step <= s.steps(); step++) {
                long[][] x = new long[s.batch()][s.seq()];
                long[][] y = new long[s.batch()][s.seq()];
                for (int b = 0; b < s.batch(); b++) {
                    int at = random.nextInt(text.length - s.seq() - 1);
                    for (int t = 0; t < s.seq(); t++) {
                        x[b][t] = text[at + t] & 0xff;
                        y[b][t] = text[at + t + 1] & 0xff;
                    }
                }
                float loss;
                try (NDManager scope = Devices.manager(); GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                    NDArray l = Transformer.crossEntropy(scope, tf.logits(scope, x, null, null), y);
                    gc.backward(l);
                    loss = l.getFloat();
                }
                adam.step(schedule(s, step), 1.0);
                smooth = Double.isNaN(smooth) ? loss : 0.98 * smooth + 0.02 * loss;
                if (step % 50 == 0 || step == 1 || !Float.isFinite(loss)) {
                    log.printf("step %d/%d loss %.3f (smoothed %.3f, ppl %.2f) lr %.2e %.0fs%n", step, s.steps(), loss, smooth,
                            Math.exp(smooth), schedule(s, step), (System.nanoTime() - start) / 1e9);
                }
            }
            Map<String, Tensor> trained = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : w.entrySet()) {
                trained.put(e.getKey(), new Tensor(e.getValue().getShape().getShape(), e.getValue().toFloatArray()));
            }
            return new LanguageModel(c, trained, new ByteTokenizer(), null);
        }
    }

    static double schedule(Settings s, int step) {
        return AdamW.warmupCosine(s.lr(), s.steps(), step);
    }

    /** GPT-2-style init: N(0, 0.02), residual outputs scaled by 1/sqrt(2L), norms at 1. */
    static Map<String, Tensor> initialWeights(LmConfig c, Random random) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : Shapes.expected(c).entrySet()) {
            long[] shape = e.getValue();
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] v = new float[n];
            String name = e.getKey();
            if (shape.length == 1) {
                java.util.Arrays.fill(v, 1f);
            } else {
                double std = 0.02;
                if (name.endsWith(".o.w") || name.endsWith(".down.w")) {
                    std /= Math.sqrt(2.0 * c.layers());
                }
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (random.nextGaussian() * std);
                }
            }
            w.put(name, new Tensor(shape, v));
        }
        return w;
    }

    /** The training text, gunzipped when its name ends in .gz (the shipped Old Testament is). */
    static byte[] read(java.nio.file.Path file) throws java.io.IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
