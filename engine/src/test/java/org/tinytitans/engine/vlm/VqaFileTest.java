package org.tinytitans.engine.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.MnistIdx;
import org.tinytitans.engine.data.Split;

/** The question file format: what it reads, the prompt it makes, and its errors with file, line and column. */
class VqaFileTest {
    static final Path MNIST = Path.of("../samples/data/mnist").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void readsQuestionsAndTheirImagesFromIdxAndPng() throws IOException {
        BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        png.getRaster().setSample(3, 2, 0, 255);
        ImageIO.write(png, "png", tmp.resolve("dot.png").toFile());
        Path file = tmp.resolve("q.jsonl");
        String idx = tmp.relativize(MNIST.resolve("test-images-idx3-ubyte.gz")).toString().replace('\\', '/');
        Files.writeString(file, "{\"image\": \"" + idx + "#5\", \"question\": \"What digit is shown?\", \"choices\": [\"3\", \"1\"], \"answer\": 1}\n\n"
                + "{\"image\": \"dot.png\", \"question\": \"Where?\", \"choices\": [\"top\", \"bottom\", \"left\"], \"answer\": 0}\n");
        VqaEvaluation.Items items = VqaEvaluation.Items.read(file, 0, 1, 28);
        List<VisualQuestion> qs = items.questions();
        assertEquals(2, qs.size());
        assertEquals(3, qs.get(1).line());
        assertEquals("<image>\nWhat digit is shown? (A) 3 (B) 1\nAnswer:", qs.get(0).prompt());
        assertEquals(" 1", qs.get(0).continuation(1));
        ImageSet test = MnistIdx.load(MNIST, Split.TEST);
        assertArrayEquals(test.batchPixels(5, 6), items.images().get(0));
        float[] dot = items.images().get(1);
        assertEquals(1f, dot[2 * 28 + 3]);
        assertEquals(1f, sum(dot));
        assertEquals(1, VqaEvaluation.Items.read(file, 1, 1, 28).questions().size());
    }

    @Test
    void badLinesNameFileLineAndColumn() throws IOException {
        assertError("{\"image\": \"a.png\", \"question\": \"Q\", \"choices\": [\"x\", \"y\"], \"answer\": 2}",
                ":1:60: answer 2 is not an index into the 2 choices");
        assertError("{\"image\": \"a.png\", \"question\": \"Q\", \"choices\": [\"x\", \"y\"]}",
                ":1:1: missing \"answer\": the index of the right choice (0-based)");
        assertError("{\"image\": \"a.png\", \"question\": \"Q\", \"choices\": \"x\", \"answer\": 0}",
                ":1:37: missing \"choices\": a list of strings");
        assertError("{\"image\": \"a.png\", \"question\": \"Q\", \"choices\": [\"x\"], \"answer\": 0}",
                ":1:37: a question needs 2 to 26 choices, not 1");
        assertError("[1, 2]", ":1:1: a question is a JSON object");
        Path file = tmp.resolve("missing.jsonl");
        Files.writeString(file, "{\"image\": \"none.png\", \"question\": \"Q\", \"choices\": [\"x\", \"y\"], \"answer\": 0}\n");
        IOException e = assertThrows(IOException.class, () -> VqaEvaluation.Items.read(file, 0, 1, 28));
        assertEquals(file + ":1: image 'none.png': no file " + tmp.resolve("none.png"), e.getMessage());
        Files.writeString(file, "{\"image\": \"" + tmp.relativize(MNIST.resolve("test-images-idx3-ubyte.gz")).toString().replace('\\', '/')
                + "#99999\", \"question\": \"Q\", \"choices\": [\"x\", \"y\"], \"answer\": 0}\n");
        e = assertThrows(IOException.class, () -> VqaEvaluation.Items.read(file, 0, 1, 28));
        assertEquals(true, e.getMessage().endsWith("index 99999 is outside the file's 2004 images"), e.getMessage());
        Files.writeString(file, Files.readString(file).replace("#99999", "#0"));
        e = assertThrows(IOException.class, () -> VqaEvaluation.Items.read(file, 0, 3, 32));
        assertEquals(true, e.getMessage().contains("is 1x28x28; the model takes 3x32x32"), e.getMessage());
    }

    private void assertError(String line, String tail) throws IOException {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, line + "\n");
        IOException e = assertThrows(IOException.class, () -> VqaFile.read(file, 0));
        assertEquals(file + tail, e.getMessage());
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
