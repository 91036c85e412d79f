package org.tinytitans.engine.lm.lora;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Locale;
import java.util.Random;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * LoRA recovery after pruning: trains low-rank adapters on a text with the next-token loss (base weights
 * frozen), then merges them so the saved model has plain weights and the pruned shapes.
 */
public final class Lora {
    private Lora() {}

    /** The adapters and the training loss of every step (nats per token). */
    public record Training(LoraAdapter adapter, float[] losses) {}

    /** The facade for the job runner: fine-tunes and returns the merged model. */
    public static LanguageModel finetune(LanguageModel model, String text, LoraConfig config, Progress progress) {
        return train(model, text, config, progress).adapter().merge(model);
    }

    /** Trains adapters on random windows of {@code text} (tokenized with the model's tokenizer). */
    public static Training train(LanguageModel model, String text, LoraConfig config, Progress progress) {
        long[] tokens = model.tokenizer().encode(text);
        int seq = config.seqLen();
        if (seq > model.config().maxPositions()) {
            throw new IllegalArgumentException("LoRA seq-len " + seq + " exceeds the model's " + model.config().maxPositions() + " positions");
        }
        if (tokens.length < seq + 2) {
            throw new IllegalArgumentException("the fine-tuning text has " + tokens.length + " tokens; LoRA with seq-len "
                    + seq + " needs at least " + (seq + 2));
        }
        LoraAdapter init = LoraAdapter.init(model, config);
        Random random = new Random(config.seed() + 1);
        float[] losses = new float[config.steps()];
        Engine engine = TorchRuntime.engine();
        try (AdaptedWeights w = new AdaptedWeights(model, init)) {
            Adam adam = new Adam(w.trainable());
            for (int step = 0; step < config.steps(); step++) {
                long[][] x = new long[config.batch()][seq];
                long[][] y = new long[config.batch()][seq];
                for (int b = 0; b < config.batch(); b++) {
                    int at = random.nextInt(tokens.length - seq);
                    System.arraycopy(tokens, at, x[b], 0, seq);
                    System.arraycopy(tokens, at + 1, y[b], 0, seq);
                }
                try (NDManager s = Devices.manager(); GradientCollector gc = engine.newGradientCollector()) {
                    NDArray loss = Transformer.crossEntropy(s, w.transformer(s).logits(s, x, null, null), y);
                    gc.backward(loss);
                    losses[step] = loss.getFloat();
                }
                if (!Float.isFinite(losses[step])) {
                    throw new IllegalStateException("LoRA loss became " + losses[step] + " at step " + (step + 1) + "; lower the learning rate");
                }
                adam.step(config.lr(), 1.0);
                progress.update("lora", step + 1, config.steps(), String.format(Locale.ROOT, "loss %.4f", losses[step]));
            }
            return new Training(w.snapshot(init), losses);
        }
    }

    /** Logits (T, vocab) with the adapters applied but not merged; merging must reproduce them. */
    public static float[][] adaptedLogits(LanguageModel model, LoraAdapter adapter, long[] ids) {
        try (AdaptedWeights w = new AdaptedWeights(model, adapter)) {
            return w.logits(ids);
        }
    }
}
