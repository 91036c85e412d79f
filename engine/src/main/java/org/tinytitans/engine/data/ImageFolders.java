package org.tinytitans.engine.data;

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
 * ImageNet-style folders: one sub-folder per class, images inside. Folder names become class indices by
 * {@link ClassIndex}'s rule (so a subset of the classes keeps the model's indices); images become inputs by an
 * {@link ImageRecipe}, torchvision's standard evaluation transform unless the dataset says otherwise.
 */
public final class ImageFolders {
    public static final int CROP = 224;

    private ImageFolders() { }

    /** How to read a folder: the recipe, the model's input size, and an optional class list file. */
    public record Options(ImageRecipe recipe, int size, Path classFile) {
        public static final Options DEFAULT = new Options(ImageRecipe.TORCHVISION, CROP, null);
    }

    /**
     * Loads {@code path/train} or {@code path/val|test} when present, else {@code path} itself.
     * {@code maxPerClass} > 0 keeps the first images (by file name) of each class, to bound memory.
     */
    public static ImageSet load(Path path, Split split, int maxPerClass) {
        return load(path, split, maxPerClass, Options.DEFAULT);
    }

    public static ImageSet load(Path path, Split split, int maxPerClass, Options options) {
        Path root = splitFolder(path, split);
        List<Path> classes = list(root).stream().filter(Files::isDirectory).sorted().toList();
        if (classes.isEmpty()) {
            throw new DataException("no class folders in " + root + " (expected one sub-folder of images per class)");
        }
        ClassIndex index = ClassIndex.of(classes.stream().map(c -> c.getFileName().toString()).toList(), options.classFile());
        int size = options.size();
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path dir : classes) {
            List<Path> files = list(dir).stream().filter(ImageFolders::isImage).sorted().toList();
            if (maxPerClass > 0 && files.size() > maxPerClass) {
                files = files.subList(0, maxPerClass);
            }
            int label = index.label(dir.getFileName().toString());
            for (Path f : files) {
                images.add(options.recipe().input(read(f), size));
                labels.add(label);
            }
        }
        if (images.isEmpty()) {
            throw new DataException("no images (.jpg, .jpeg, .png, .bmp, .gif) in the class folders of " + root);
        }
        int n = size * size * 3;
        float[] x = new float[images.size() * n];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, x, i * n, n);
        }
        return new ImageSet("folders-" + root.getFileName(), x, labels.stream().mapToInt(Integer::intValue).toArray(),
                3, size, size, index.size());
    }

    /** The class folders' names as {@link #load} sees them, for checking classes before loading images. */
    public static List<String> classFolders(Path path, Split split) {
        return list(splitFolder(path, split)).stream().filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
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

    public static BufferedImage read(Path f) {
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
