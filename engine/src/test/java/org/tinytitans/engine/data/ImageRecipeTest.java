package org.tinytitans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** torchvision's size arithmetic and crop rounding, and Pillow's antialiased bilinear, checked by hand. */
class ImageRecipeTest {

    @Test
    void resizeKeepsAspectAndTruncatesTheLongSide() {
        // 256 * 300 / 224 = 342.86: torchvision truncates to 342 (rounding would give 343)
        assertArrayEquals(new int[] {256, 342}, ImageRecipe.resizedSize(224, 300, 256));
        assertArrayEquals(new int[] {342, 256}, ImageRecipe.resizedSize(300, 224, 256));
        assertArrayEquals(new int[] {256, 256}, ImageRecipe.resizedSize(500, 500, 256));
        // 256 * 375 / 500 = 192 exactly short side; 500x375 -> 341.33 x 256
        assertArrayEquals(new int[] {341, 256}, ImageRecipe.resizedSize(500, 375, 256));
        assertEquals(256, ImageRecipe.resizeFor(224));
    }

    @Test
    void cropOffsetRoundsHalfToEvenAsPython() {
        assertEquals(59, ImageRecipe.cropOffset(342, 224));  // 59.0
        assertEquals(60, ImageRecipe.cropOffset(343, 224));  // round(59.5) = 60 (even)
        assertEquals(58, ImageRecipe.cropOffset(341, 224));  // round(58.5) = 58 (even), not 59
        assertEquals(16, ImageRecipe.cropOffset(256, 224));
    }

    @Test
    void shrinkingAveragesEverySourcePixel() {
        // 4 -> 2 pixels: support 2, weights 3/7, 3/7, 1/7 and 1/7, 3/7, 3/7
        int[] out = PilResize.resize(new int[] {0, 100, 200, 255}, 4, 1, 2, 1);
        assertArrayEquals(new int[] {71, 209}, out); // 500/7 = 71.4, 1465/7 = 209.3
        // vertical pass alike
        assertArrayEquals(new int[] {71, 209}, PilResize.resize(new int[] {0, 100, 200, 255}, 1, 4, 1, 2));
    }

    @Test
    void enlargingInterpolatesBetweenNeighbours() {
        // 2 -> 4 pixels: centers at 0.25, 0.75, 1.25, 1.75 of the input; edge pixels clamp
        assertArrayEquals(new int[] {0, 50, 150, 200}, PilResize.resize(new int[] {0, 200}, 2, 1, 4, 1));
    }

    @Test
    void aSinglePixelStripeSurvivesShrinkingAsAGreyLevel() {
        // A one-pixel white column in 8 black ones, shrunk 8 -> 1: an antialiased filter keeps its share,
        // 255 * weight; a 4-tap bilinear sampling the middle would see only black or only white.
        int[] row = new int[8];
        row[4] = 255;
        int v = PilResize.resize(row, 8, 1, 1, 1)[0];
        // support 8 around centre 4: weights tri((x - 4 + 0.5) / 8) for x = 0..7, 255 * 7.5/8 / total
        double total = 0, white = 0;
        for (int x = 0; x < 8; x++) {
            double w = 1 - Math.abs((x - 4 + 0.5) / 8);
            total += w;
            white += x == 4 ? w : 0;
        }
        assertEquals((int) Math.floor(255 * white / total + 0.5), v);
    }

    @Test
    void torchvisionRecipeCropsTheCentreOfTheResizedImage() {
        BufferedImage img = new BufferedImage(300, 224, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 300; x++) {
            for (int y = 0; y < 224; y++) {
                img.setRGB(x, y, x < 150 ? 0xff0000 : 0x0000ff);
            }
        }
        int[][] rgb = ImageRecipe.TORCHVISION.rgb(img, 224);
        assertEquals(224 * 224, rgb[0].length);
        // resized to 342x256, crop from x = 59: the red/blue edge at 171 falls at crop column 112
        assertEquals(255, rgb[0][10 * 224]);
        assertEquals(0, rgb[0][10 * 224 + 223]);
        assertEquals(255, rgb[2][10 * 224 + 223]);
    }

    @Test
    void kerasRecipesResizeTheWholeImage() {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) {
                img.setRGB(x, y, (10 << 16) | (20 << 8) | 30);
            }
        }
        float[] tf = ImageRecipe.TF.input(img, 2);
        assertEquals(10 / 127.5f - 1, tf[0], 1e-6f);
        float[] caffe = ImageRecipe.CAFFE.input(img, 2);
        assertEquals(30 - 103.939f, caffe[0], 1e-4f);      // B first
        assertEquals(10 - 123.68f, caffe[2 * 4], 1e-4f);   // R last
    }
}
