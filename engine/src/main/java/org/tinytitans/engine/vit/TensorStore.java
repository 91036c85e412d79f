package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.Owned;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.weights.Tensor;

/**
 * A model's weights as plain float tensors under engine names (see {@link VisionNames}), with DJL copies made
 * on first use in a manager of their own and freed by {@link #close()}. Forward passes never put a weight first
 * in an op, so their results land in the caller's manager and not here.
 */
final class TensorStore implements AutoCloseable {
    private final Map<String, Tensor> weights;
    private NDManager manager;
    private Map<String, NDArray> arrays;

    private final Function<String, NDArray> lent;

    TensorStore(Map<String, Tensor> weights) {
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.lent = null;
    }

    /** A view of arrays the caller owns (trainable ones, in training); it holds no tensors and frees nothing. */
    TensorStore(Function<String, NDArray> arrays) {
        this.weights = Map.of();
        this.lent = arrays;
    }

    /**
     * A store over arrays the caller owns and keeps (a trainer's parameters, which carry gradients): nothing is
     * copied and {@link #close()} leaves them alone. {@link #weights()} is empty, so it counts no parameters.
     */
    static TensorStore live(Map<String, NDArray> arrays) {
        TensorStore s = new TensorStore(Map.of());
        s.arrays = new HashMap<>(arrays);
        return s;
    }

    Map<String, Tensor> weights() { return weights; }

    long paramCount() {
        long n = 0;
        for (Tensor t : weights.values()) {
            n += t.values().length;
        }
        return n;
    }

    /** The array for {@code name}, or an error naming it: every name the forward pass asks for must exist. */
    synchronized NDArray get(String name) {
        NDArray a = find(name);
        if (a == null) {
            throw new IllegalStateException("model has no tensor '" + name + "'");
        }
        return a;
    }

    /** The array for {@code name}, or null (optional biases). */
    synchronized NDArray find(String name) {
        if (lent != null) {
            return lent.apply(name);
        }
        if (arrays == null) {
            manager = Devices.manager();
            arrays = Owned.all(manager, weights);
        }
        return arrays.get(name);
    }

    /** Arrays this store's manager holds: one per tensor once running; more would be a leak. */
    synchronized int liveArrays() {
        return manager == null ? 0 : manager.getManagedArrays().size();
    }

    @Override
    public synchronized void close() {
        if (manager != null) { // null for a live store: its arrays are the caller's
            manager.close();
            manager = null;
            arrays = null;
        }
    }
}
