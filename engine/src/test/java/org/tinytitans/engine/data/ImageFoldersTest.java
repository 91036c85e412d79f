package org.tinytitans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFoldersTest {

    /** Left half {@code left}, right half {@code right}. */
    static void png(Path file, int w, int h, Color left, Color right) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(right);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    static float norm(int value, int channel) {
        float[] mean = {0.485f, 0.456f, 0.406f}, std = {0.229f, 0.224f, 0.225f}; // ImageNet's, as torchvision
        return (value / 255f - mean[channel]) / std[channel];
    }

    @Test
    void resizesCropsAndNormalisesOneFolderPerClass(@TempDir Path dir) throws IOException {
        png(dir.resolve("val/cat/a.png"), 512, 256, Color.RED, Color.BLUE);
        png(dir.resolve("val/dog/b.png"), 100, 200, Color.GREEN, Color.GREEN);
        png(dir.resolve("val/dog/c.png"), 100, 200, Color.GREEN, Color.GREEN);
        Files.writeString(dir.resolve("val/dog/notes.txt"), "not an image");

        ImageSet s = Datasets.open("folders", dir, Split.TEST);
        assertEquals(3, s.size());
        assertEquals(2, s.classes());
        assertEquals(224, s.height());
        assertEquals(0, s.labels()[0]);
        assertEquals(1, s.labels()[2]);
        int plane = 224 * 224;
        // 512x256 stays 512x256; the centre crop spans x 144..367 (offset round((512-224)/2) = 144), so its left 112 columns are red, the rest blue.
        assertEquals(norm(255, 0), s.pixels()[0], 1e-4f);
        assertEquals(norm(0, 2), s.pixels()[2 * plane], 1e-4f);
        assertEquals(norm(0, 0), s.pixels()[223], 1e-4f);
        assertEquals(norm(255, 2), s.pixels()[2 * plane + 223], 1e-4f);
        int second = 3 * plane;
        assertEquals(norm(255, 1), s.pixels()[second + plane + 100 * 224 + 100], 1e-4f);
        assertEquals(2, Datasets.open("folders", dir, Split.TEST, 1).size(), "one image per class");
    }

    @Test
    void aSubsetOfImageNetFoldersKeepsTheModelsIndices(@TempDir Path dir) throws IOException {
        png(dir.resolve("val/n15075141/a.png"), 300, 224, Color.RED, Color.BLUE);
        png(dir.resolve("val/n01440764/b.png"), 224, 300, Color.GREEN, Color.GREEN);
        png(dir.resolve("val/n01443537/c.png"), 224, 224, Color.GREEN, Color.GREEN);
        ImageSet s = Datasets.open("imagenet", dir, Split.TEST);
        // sorted ILSVRC-2012 synsets: tench 0, goldfish 1, toilet tissue 999; not 0, 1, 2 by position
        assertArrayEquals(new int[] {0, 1, 999}, s.labels());
        assertEquals(1000, s.classes());
    }

    @Test
    void namesWhatIsMissing(@TempDir Path dir) throws IOException {
        DataException noClasses = assertThrows(DataException.class, () -> ImageFolders.load(dir, Split.TRAIN, 0));
        assertTrue(noClasses.getMessage().contains("no class folders in " + dir), noClasses.getMessage());
        Files.createDirectories(dir.resolve("a"));
        DataException noImages = assertThrows(DataException.class, () -> ImageFolders.load(dir, Split.TRAIN, 0));
        assertTrue(noImages.getMessage().contains("no images"), noImages.getMessage());
        Files.writeString(dir.resolve("a/broken.png"), "garbage");
        DataException broken = assertThrows(DataException.class, () -> ImageFolders.load(dir, Split.TRAIN, 0));
        assertTrue(broken.getMessage().contains("broken.png"), broken.getMessage());
    }
}
