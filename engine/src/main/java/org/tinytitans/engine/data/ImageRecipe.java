package org.tinytitans.engine.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;
import java.util.Locale;

/**
 * How an image file becomes a model input, for image folders: the `preprocess` property of a dataset block.
 * Each recipe is stated as the reference implementation a model's weights were trained with, so a model sees
 * the pixels it saw in training. Resizing is always {@link PilResize} (Pillow's antialiased bilinear).
 */
public enum ImageRecipe {
    /**
     * torchvision's standard evaluation transform: Resize(size / 0.875, i.e. 256 for 224) of the shorter side,
     * the longer side truncated as torchvision computes it (224x300 becomes 256x342), CenterCrop(size) with
     * torchvision's offset rounding, x/255, then ImageNet mean/std per channel.
     */
    TORCHVISION("torchvision", new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, 1f / 255f, false),
    /** Keras/TF "tf" mode (MobileNet, EfficientNet-style Keras weights): whole image resized to size x size, x/127.5 - 1. */
    TF("tf", new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}, 1f / 255f, true),
    /** Keras "caffe" mode (Keras ResNet50, VGG16): whole image resized, RGB to BGR, ImageNet BGR means subtracted, no scaling. */
    CAFFE("caffe", new float[] {103.939f, 116.779f, 123.68f}, new float[] {1f, 1f, 1f}, 1f, true);

    public static final String NAMES = "torchvision, tf, caffe";

    private final String id;
    private final float[] mean;
    private final float[] std;
    private final float scale;
    private final boolean whole;

    ImageRecipe(String id, float[] mean, float[] std, float scale, boolean whole) {
        this.id = id;
        this.mean = mean;
        this.std = std;
        this.scale = scale;
        this.whole = whole;
    }

    public String id() { return id; }

    public static ImageRecipe of(String name) {
        for (ImageRecipe r : values()) {
            if (r.id.equals(name.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new DataException("unknown preprocess '" + name + "' (known: " + NAMES + ")");
    }

    /** The shorter side after torchvision's Resize for a crop of {@code size}: 256 for 224. */
    static int resizeFor(int size) {
        return (int) (size / 0.875);
    }

    /**
     * Output size of torchvision's {@code Resize(shorter)} for a w x h image: the shorter side becomes
     * {@code shorter}, the longer {@code int(shorter * long / short)} (truncated, not rounded).
     */
    static int[] resizedSize(int w, int h, int shorter) {
        if (w <= h) {
            return new int[] {shorter, (int) ((long) shorter * h / (double) w)};
        }
        return new int[] {(int) ((long) shorter * w / (double) h), shorter};
    }

    /** CenterCrop's offset as torchvision computes it: int(round((length - crop) / 2.0)), Python's round-half-even. */
    static int cropOffset(int length, int crop) {
        return (int) Math.rint((length - crop) / 2.0);
    }

    /** The 8-bit RGB planes (R, G, B; size x size each) the model's input is made of, before normalisation. */
    public int[][] rgb(BufferedImage img, int size) {
        int w = img.getWidth(), h = img.getHeight();
        int[][] planes = planes(img);
        int nw, nh;
        if (whole) {
            nw = size;
            nh = size;
        } else {
            int[] s = resizedSize(w, h, resizeFor(size));
            nw = s[0];
            nh = s[1];
        }
        int x0 = whole ? 0 : cropOffset(nw, size);
        int y0 = whole ? 0 : cropOffset(nh, size);
        int[][] out = new int[3][];
        for (int c = 0; c < 3; c++) {
            int[] resized = PilResize.resize(planes[c], w, h, nw, nh);
            int[] crop = new int[size * size];
            for (int y = 0; y < size; y++) {
                System.arraycopy(resized, (y0 + y) * nw + x0, crop, y * size, size);
            }
            out[c] = crop;
        }
        return out;
    }

    /** CHW floats as the model expects them. */
    public float[] normalise(int[][] rgb) {
        int plane = rgb[0].length;
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            int src = this == CAFFE ? 2 - c : c; // caffe mode feeds BGR
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = (rgb[src][i] * scale - mean[c]) / std[c];
            }
        }
        return out;
    }

    public float[] input(BufferedImage img, int size) {
        return normalise(rgb(img, size));
    }

    /**
     * R, G, B planes of an image as Pillow's {@code convert("RGB")} gives them: alpha dropped, palette expanded,
     * a grey image's level copied to all three (read from the raster: Java's getRGB would gamma-convert it).
     */
    static int[][] planes(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[][] p = {new int[w * h], new int[w * h], new int[w * h]};
        Raster r = img.getRaster();
        boolean grey = r.getNumBands() == 1 && img.getColorModel().getColorSpace().getNumComponents() == 1
                && r.getSampleModel().getSampleSize(0) == 8;
        if (grey) {
            r.getSamples(0, 0, w, h, 0, p[0]);
            p[1] = Arrays.copyOf(p[0], p[0].length);
            p[2] = Arrays.copyOf(p[0], p[0].length);
            return p;
        }
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            p[0][i] = (argb[i] >> 16) & 0xff;
            p[1][i] = (argb[i] >> 8) & 0xff;
            p[2][i] = argb[i] & 0xff;
        }
        return p;
    }
}
