package org.tinytitans.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The tutorial's class-stratified subsample: n images per class drawn without replacement, seeded. */
public final class Subsample {
    private Subsample() { }

    /**
     * Up to {@code perClass} images of every class (all of a class that has fewer), in original order so the
     * result does not depend on how the draw is iterated.
     */
    public static ImageSet stratified(ImageSet set, int perClass, long seed) {
        if (perClass <= 0) {
            throw new IllegalArgumentException("samples per class must be positive, got " + perClass);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < set.classes(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < set.size(); i++) {
            int label = set.labels()[i];
            if (label < 0 || label >= set.classes()) {
                throw new DataException(set.name() + ": label " + label + " of image " + i + " is outside 0.." + (set.classes() - 1));
            }
            byClass.get(label).add(i);
        }
        Random r = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, r);
            chosen.addAll(members.subList(0, Math.min(perClass, members.size())));
        }
        int[] idx = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(idx);
        return set.subset(idx);
    }
}
