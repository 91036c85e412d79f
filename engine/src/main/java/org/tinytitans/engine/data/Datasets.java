package org.tinytitans.engine.data;

import java.nio.file.Path;
import java.util.Locale;

/** One entry point for the data kinds a spec can name; errors name the path and what is missing. */
public final class Datasets {
    public static final String KINDS = "mnist, cifar10, folders, synthetic";

    private Datasets() { }

    /**
     * Opens {@code kind} at {@code path}: "mnist" (IDX files), "cifar10" (binary batches), "folders"
     * (ImageNet-style, all images). "synthetic" needs a shape: use {@link #synthetic}.
     */
    public static ImageSet open(String kind, Path path, Split split) {
        return open(kind, path, split, 0);
    }

    /** As {@link #open(String, Path, Split)}; {@code maxPerClass} > 0 bounds the images read per class for folders. */
    public static ImageSet open(String kind, Path path, Split split, int maxPerClass) {
        return open(kind, path, split, maxPerClass, ImageFolders.Options.DEFAULT);
    }

    /** As above; {@code folders} says how image folders are read (recipe, input size, class list). */
    public static ImageSet open(String kind, Path path, Split split, int maxPerClass, ImageFolders.Options folders) {
        String k = kind.toLowerCase(Locale.ROOT).replace("-", "");
        return switch (k) {
            case "mnist" -> MnistIdx.load(existing(path), split);
            case "cifar10", "cifar" -> Cifar10.load(path, split);
            case "folders", "imagefolder", "imagenet" -> ImageFolders.load(path, split, maxPerClass, folders);
            case "synthetic" -> throw new DataException("synthetic data has no path; give its shape (Datasets.synthetic)");
            default -> throw new DataException("unknown dataset kind '" + kind + "' (known: " + KINDS + ")");
        };
    }

    public static ImageSet synthetic(int count, int channels, int height, int width, int classes, long seed) {
        return Synthetic.normal(count, channels, height, width, classes, seed);
    }

    private static Path existing(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new DataException("data folder " + dir + " does not exist");
        }
        return dir;
    }
}
