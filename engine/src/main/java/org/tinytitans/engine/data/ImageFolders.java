package org.tinytitans.engine.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * ImageNet-style folders: one sub-folder per class (classes sorted by name give the label indices), images
 * inside. Preprocessing is the usual ImageNet evaluation one: resize the shorter side to 256 (bilinear), centre
 * crop 224, RGB x/255 normalised with the ImageNet mean/std.
 */
public final class ImageFolders {
    public static final int RESIZE = 256;
    public static final int CROP = 224;
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private ImageFolders() { }

    /**
     * Loads {@code path/train} or {@code path/val|test} when present, else {@code path} itself.
     * {@code maxPerClass} > 0 keeps the first images (by file name) of each class, to bound memory.
     */
    public static ImageSet load(Path path, Split split, int maxPerClass) {
        Path root = splitFolder(path, split);
        List<Path> classes = list(root).stream().filter(Files::isDirectory).sorted().toList();
        if (classes.isEmpty()) {
            throw new DataException("no class folders in " + root + " (expected one sub-folder of images per class)");
        }
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files = list(classes.get(c)).stream().filter(ImageFolders::isImage).sorted().toList();
            if (maxPerClass > 0 && files.size() > maxPerClass) {
                files = files.subList(0, maxPerClass);
            }
            for (Path f : files) {
                images.add(preprocess(read(f), RESIZE, CROP));
                labels.add(c);
            }
        }
        if (images.isEmpty()) {
            throw new DataException("no images (.jpg, .jpeg, .png, .bmp, .gif) in the class folders of " + root);
        }
        int n = CROP * CROP * 3;
        float[] x = new float[images.size() * n];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, x, i * n, n);
        }
        return new ImageSet("folders-" + root.getFileName(), x, labels.stream().mapToInt(Integer::intValue).toArray(),
                3, CROP, CROP, classes.size());
    }

    /** Resize so the shorter side is {@code resize}, centre crop {@code crop}x{@code crop}, normalise; CHW. */
    static float[] preprocess(BufferedImage img, int resize, int crop) {
        int w = img.getWidth();
        int h = img.getHeight();
        int nw = w <= h ? resize : Math.max(crop, Math.round((float) w * resize / h));
        int nh = w <= h ? Math.max(crop, Math.round((float) h * resize / w)) : resize;
        BufferedImage scaled = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, nw, nh, null);
        g.dispose();
        int x0 = (nw - crop) / 2;
        int y0 = (nh - crop) / 2;
        float[] out = new float[3 * crop * crop];
        int plane = crop * crop;
        for (int y = 0; y < crop; y++) {
            for (int x = 0; x < crop; x++) {
                int rgb = scaled.getRGB(x0 + x, y0 + y);
                int i = y * crop + x;
                out[i] = (((rgb >> 16) & 0xff) / 255f - MEAN[0]) / STD[0];
                out[plane + i] = (((rgb >> 8) & 0xff) / 255f - MEAN[1]) / STD[1];
                out[2 * plane + i] = ((rgb & 0xff) / 255f - MEAN[2]) / STD[2];
            }
        }
        return out;
    }

    private static Path splitFolder(Path path, Split split) {
        if (!Files.isDirectory(path)) {
            throw new DataException("image folder " + path + " does not exist");
        }
        String[] names = split == Split.TRAIN ? new String[] {"train"} : new String[] {"val", "test"};
        for (String name : names) {
            if (Files.isDirectory(path.resolve(name))) {
                return path.resolve(name);
            }
        }
        return path;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png")
                || n.endsWith(".bmp") || n.endsWith(".gif"));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static BufferedImage read(Path f) {
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                throw new DataException(f + ": not a readable image");
            }
            return img;
        } catch (IOException e) {
            throw new DataException(f + ": cannot read image: " + e.getMessage(), e);
        }
    }
}
