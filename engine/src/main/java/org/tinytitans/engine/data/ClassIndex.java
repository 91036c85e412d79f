package org.tinytitans.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which class index each folder of an image folder stands for. A model's output i is a fixed class, so a folder
 * holding a subset of the classes must keep the model's indices, not its position among the folders present.
 * The rule, first that applies:
 * <ol>
 *   <li>a class list file ({@code classes "file.txt"}): line i (first word) is class i;</li>
 *   <li>ImageNet synset folders (n01440764, ...): their index in the sorted list of the 1000 ILSVRC-2012 synsets
 *       (imagenet-wnids.txt, the order of torchvision's and Keras' pretrained heads);</li>
 *   <li>numeric folder names (0, 1, 17): the number is the index;</li>
 *   <li>otherwise the position among the folders present, sorted by name (torchvision's ImageFolder).</li>
 * </ol>
 *
 * @param rule  the rule used, in words, for run-time notes
 * @param size  how many classes the rule knows (list length, 1000, largest number + 1, folder count)
 */
public record ClassIndex(Map<String, Integer> labels, int size, String rule, boolean positional) {

    private static final Pattern WNID = Pattern.compile("n\\d{8}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,7}");
    private static final String WNIDS = "imagenet-wnids.txt";

    /** The index of every folder name, by the rule above; errors name the folder and the list it is missing from. */
    public static ClassIndex of(List<String> folders, Path classFile) {
        if (classFile != null) {
            return fromList(folders, read(classFile), "the class list " + classFile.getFileName());
        }
        if (!folders.isEmpty() && folders.stream().allMatch(f -> WNID.matcher(f).matches())) {
            return fromList(folders, imagenetSynsets(), "the 1000 ImageNet synsets, sorted");
        }
        if (!folders.isEmpty() && folders.stream().allMatch(f -> NUMBER.matcher(f).matches())) {
            Map<String, Integer> m = new LinkedHashMap<>();
            folders.forEach(f -> m.put(f, Integer.parseInt(f)));
            int max = m.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
            return new ClassIndex(m, max + 1, "numeric folder names", false);
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        List<String> sorted = folders.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            m.put(sorted.get(i), i);
        }
        return new ClassIndex(m, sorted.size(), "folder names sorted", true);
    }

    /** The 1000 ILSVRC-2012 synsets in class-index order. */
    public static List<String> imagenetSynsets() {
        try (InputStream in = ClassIndex.class.getResourceAsStream(WNIDS)) {
            if (in == null) {
                throw new IllegalStateException(WNIDS + " is missing from the engine's resources");
            }
            return names(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + WNIDS + ": " + e.getMessage(), e);
        }
    }

    public int label(String folder) { return labels.get(folder); }

    /**
     * A sentence for the run's notes when the classes and the model's outputs disagree, or null when they agree;
     * a {@link DataException} when a label cannot be one of the model's outputs at all.
     */
    public String checkAgainst(int outputs, Integer declared, int folders) {
        int largest = labels.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        if (largest >= outputs) {
            String folder = labels.entrySet().stream().filter(e -> e.getValue() == largest).findFirst().orElseThrow().getKey();
            throw new DataException("class folder '" + folder + "' is class " + largest + " by " + rule
                    + ", but the model has only " + outputs + " outputs");
        }
        List<String> why = new ArrayList<>();
        if (declared != null && declared != outputs) {
            why.add("the dataset declares " + declared + " classes but the model has " + outputs + " outputs");
        }
        if (positional && folders != outputs) {
            why.add(folders + " class folders are labelled by their sorted position (0.." + (folders - 1)
                    + ") but the model has " + outputs + " outputs, so labels may not be the model's classes;"
                    + " name the folders by ImageNet synset or class number, or give `classes \"file.txt\"`");
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static ClassIndex fromList(List<String> folders, List<String> list, String rule) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            byName.putIfAbsent(list.get(i), i);
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String f : folders) {
            Integer i = byName.get(f);
            if (i == null) {
                throw new DataException("class folder '" + f + "' is not in " + rule + " (" + list.size() + " classes)");
            }
            m.put(f, i);
        }
        return new ClassIndex(m, list.size(), rule, false);
    }

    private static List<String> read(Path file) {
        try {
            List<String> names = names(Files.readString(file));
            if (names.isEmpty()) {
                throw new DataException("class list " + file + " names no class (one class per line)");
            }
            return names;
        } catch (IOException e) {
            throw new DataException("cannot read class list " + file + ": " + e.getMessage(), e);
        }
    }

    /** One class per non-blank line; its first word is the name ("n01440764 tench, Tinca tinca" names n01440764). */
    private static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.add(t.split("\\s+", 2)[0]);
            }
        }
        return out;
    }
}
