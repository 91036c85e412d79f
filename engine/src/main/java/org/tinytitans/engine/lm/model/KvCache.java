package org.tinytitans.engine.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.tinytitans.engine.runtime.Devices;

/**
 * Keys and values of every layer for the positions seen so far, so each generated token costs one
 * position of work. The arrays live in the cache's own manager; a step's temporaries do not.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager = Devices.manager();
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    public KvCache(int layers) {
        keys = new NDArray[layers];
        values = new NDArray[layers];
    }

    /** Positions already cached. */
    public int length() { return length; }

    /** Appends this step's (B, KV, T, d) keys and values for {@code layer}; returns the full ones. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        NDArray fullK = keys[layer] == null ? k.duplicate() : NDArrays.concat(new NDList(keys[layer], k), 2);
        NDArray fullV = values[layer] == null ? v.duplicate() : NDArrays.concat(new NDList(values[layer], v), 2);
        fullK.attach(manager);
        fullV.attach(manager);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = fullK;
        values[layer] = fullV;
        return new NDArray[] {fullK, fullV};
    }

    /** Called by the forward pass after every layer has appended {@code steps} positions. */
    void advance(int steps) {
        length += steps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
