package org.tinytitans.engine.lm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.eval.Perplexity;
import org.tinytitans.engine.lm.model.HfCheckpoint;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LanguageModels;

/** A few dozen steps of the sample model's training on a small text: the loss falls and the folder reloads. */
class TrainTinyLmTest {
    @TempDir
    Path tmp;

    @Test
    void shortTrainingLearnsTheTextAndSavesAHuggingFaceFolder() throws Exception {
        String verse = "And God said, Let there be light: and there was light. And God saw the light, that it was good.\n";
        Files.writeString(tmp.resolve("text.txt"), verse.repeat(40));
        TrainTinyLm.Settings s = TrainTinyLm.Settings.parse(new String[] {"--text", tmp.resolve("text.txt").toString(),
            "--out", tmp.resolve("model").toString(), "--steps", "80", "--batch", "8", "--seq", "32", "--hidden", "32",
            "--layers", "2", "--heads", "2", "--kv", "1", "--mlp", "64", "--lr", "1e-2"});
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LanguageModel m = TrainTinyLm.train(s, new PrintStream(log))) {
            double ppl = Perplexity.of(m, verse.repeat(3), 32, 0);
            assertTrue(ppl < 12, "perplexity after training " + ppl + "\n" + log);
            HfCheckpoint.save(m, s.out(), "F16");
        }
        try (LanguageModel back = LanguageModels.load(tmp.resolve("model"))) {
            assertEquals(2, back.config().layers());
            assertEquals(1, back.config().kvHeads());
            assertEquals("bytes", back.tokenizer().kind());
            assertTrue(Perplexity.of(back, verse.repeat(3), 32, 0) < 12);
        }
    }

    @Test
    void gzipTrainingTextReadsAsItsBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        byte[] text = "In the beginning God created the heaven and the earth.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path gz = dir.resolve("t.txt.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            out.write(text);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(text, TrainTinyLm.read(gz));
        org.junit.jupiter.api.Assertions.assertArrayEquals(text, TrainTinyLm.read(java.nio.file.Files.write(dir.resolve("t.txt"), text)));
    }
}
