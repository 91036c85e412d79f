package org.tinytitans.engine.lm.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.tinytitans.engine.lm.prune.Calibration;
import org.tinytitans.engine.weights.Tensor;

/** Tiny models to prune, and edits that make the right answer known by construction. */
public final class TinyModels {
    private TinyModels() {}

    public static LanguageModel llama(Path dir, long seed) throws IOException {
        TinyCheckpoints.llama(dir, seed, "F32");
        return LanguageModels.load(dir);
    }

    public static LanguageModel gpt2(Path dir, long seed) throws IOException {
        TinyCheckpoints.gpt2(dir, seed);
        return LanguageModels.load(dir);
    }

    /** The model with the rows of {@code tensor} in every layer zeroed where {@code rows} holds. */
    public static LanguageModel zeroRows(LanguageModel m, String module, IntPredicate rows) {
        Map<String, Tensor> w = new LinkedHashMap<>(m.weights());
        for (int l = 0; l < m.config().layers(); l++) {
            String name = Names.w(Names.layer(l, module));
            Tensor t = Mats.copy(w.get(name));
            int cols = Mats.colsOf(t);
            for (int i = 0; i < Mats.rowsOf(t); i++) {
                if (rows.test(i)) {
                    java.util.Arrays.fill(t.values(), i * cols, (i + 1) * cols, 0f);
                }
            }
            w.put(name, t);
        }
        return m.with(m.config(), w);
    }

    public static LanguageModel zeroCols(LanguageModel m, String module, IntPredicate cols) {
        Map<String, Tensor> w = new LinkedHashMap<>(m.weights());
        for (int l = 0; l < m.config().layers(); l++) {
            String name = Names.w(Names.layer(l, module));
            Tensor t = Mats.copy(w.get(name));
            int c = Mats.colsOf(t);
            for (int i = 0; i < t.values().length; i++) {
                if (cols.test(i % c)) {
                    t.values()[i] = 0f;
                }
            }
            w.put(name, t);
        }
        return m.with(m.config(), w);
    }

    /** Replaces one tensor. */
    public static LanguageModel set(LanguageModel m, String name, Tensor t) {
        Map<String, Tensor> w = new LinkedHashMap<>(m.weights());
        w.put(name, t);
        return m.with(m.config(), w);
    }

    public static Tensor zeros(Tensor like) {
        return new Tensor(like.shape(), new float[like.values().length]);
    }

    public static Calibration calibration(LanguageModel m) {
        String text = "In the beginning God created the heaven and the earth. And the earth was without form, and void; "
                + "and darkness was upon the face of the deep. And the Spirit of God moved upon the face of the waters.";
        return Calibration.fromText(m.tokenizer(), text, 32, 8);
    }
}
