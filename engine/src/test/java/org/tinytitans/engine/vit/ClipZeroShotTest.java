package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.vlm.ClipZeroShot;

/** CLIP zero-shot classification on a random-init folder: the predicted class is the reference's argmax, and accuracy counts it. */
class ClipZeroShotTest {
    @TempDir
    Path tmp;

    @Test
    void predictsTheReferencesBestPromptAndCountsTheRightOnes() throws IOException {
        ClipConfig c = TinyVision.clip();
        var tensors = TinyVision.clipTensors(c, 41);
        TinyVision.write(tmp, c, tensors, "F32");
        List<String> prompts = ClipZeroShot.prompts("a {}", List.of("0", "11", "2", "333"));
        assertEquals("a 333", prompts.get(3));
        // a test tokenizer: start id 1, one id per letter, end-of-text id 39 (the tiny text tower's largest)
        long[][] ids = ClipZeroShot.padded(prompts, s -> {
            long[] out = new long[s.length() + 2];
            out[0] = 1;
            for (int i = 0; i < s.length(); i++) {
                out[i + 1] = 2 + Math.floorMod(s.charAt(i), 30);
            }
            out[out.length - 1] = 39;
            return out;
        });
        assertEquals(7, ids[0].length); // the tiny text tower has 10 positions
        assertArrayEquals(new long[] {1, 2 + 'a' % 30, 2 + ' ' % 30, 2 + '0' % 30, 39, 39, 39}, ids[0]); // padded with its end-of-text id
        int n = 7;
        float[] pixels = new float[n * 3 * 8 * 8];
        int[] labels = new int[n];
        float[][] images = new float[n][];
        for (int i = 0; i < n; i++) {
            images[i] = TinyVision.image(c.vision(), 100 + i);
            System.arraycopy(images[i], 0, pixels, i * images[i].length, images[i].length);
            labels[i] = i % 4;
        }
        double[][] want = new RefVision(tensors).clipLogitsPerImage(c, images, ids);
        int[] best = new int[n];
        int right = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 1; k < 4; k++) {
                best[i] = want[i][k] > want[i][best[i]] ? k : best[i];
            }
            right += best[i] == labels[i] ? 1 : 0;
        }
        try (ClipModel m = (ClipModel) VisionCheckpoints.load(tmp)) {
            ClipZeroShot.Result r = ClipZeroShot.evaluate(m, new ImageSet("t", pixels, labels, 3, 8, 8, 4), ids, 3);
            assertArrayEquals(best, r.predicted());
            assertEquals((double) right / n, r.accuracy(), 1e-12);
            assertEquals(n, r.images());
        }
        assertThrows(IllegalArgumentException.class, () -> ClipZeroShot.prompts("no slot", List.of("a")));
    }
}
