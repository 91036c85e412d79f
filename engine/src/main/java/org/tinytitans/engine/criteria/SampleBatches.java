package org.tinytitans.engine.criteria;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.runtime.Devices;

/** Walks sample images in batches, each in its own NDManager so activations never pile up. */
final class SampleBatches {
    static final int BATCH = 32;

    interface Body {
        void accept(NDManager m, NDArray input, int from, int to);
    }

    private SampleBatches() { }

    static void forEach(ImageSet samples, Body body) {
        for (int from = 0; from < samples.size(); from += BATCH) {
            int to = Math.min(samples.size(), from + BATCH);
            try (NDManager m = Devices.manager()) {
                NDArray x = m.create(samples.batchPixels(from, to),
                        new Shape(to - from, samples.channels(), samples.height(), samples.width()));
                body.accept(m, x, from, to);
            }
        }
    }

    static int[] labels(ImageSet samples, int from, int to) {
        return Arrays.copyOfRange(samples.labels(), from, to);
    }

    static ImageSet require(String criterion, ImageSet samples) {
        if (samples == null || samples.size() == 0) {
            throw new IllegalArgumentException("criterion " + criterion + " needs sample images but none were given");
        }
        return samples;
    }
}
