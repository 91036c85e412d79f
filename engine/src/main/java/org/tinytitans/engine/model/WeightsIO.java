package org.tinytitans.engine.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.tinytitans.engine.weights.Tensor;

/** Moves whole weight sets between a network and name-keyed tensors, checking names and shapes. */
public final class WeightsIO {

    private WeightsIO() {}

    /** Copies every tensor into the network; all names must match exactly and every shape must agree. */
    public static long load(Network net, Map<String, Tensor> tensors, String source) {
        TreeSet<String> missing = new TreeSet<>(net.parameterNames());
        missing.removeAll(tensors.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": lacks " + missing.size() + " tensor(s) of " + net.graph().name()
                    + ", first " + missing.first());
        }
        TreeSet<String> extra = new TreeSet<>(tensors.keySet());
        extra.removeAll(net.parameterNames());
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException(source + ": holds tensor " + extra.first() + " that " + net.graph().name() + " does not have");
        }
        long values = 0;
        for (String name : net.parameterNames()) {
            Tensor t = tensors.get(name);
            long[] expected = net.shapeOf(name);
            if (!Arrays.equals(expected, t.shape())) {
                throw new IllegalArgumentException(source + ": tensor " + name + " has shape " + t.shapeText() + " but the model expects "
                        + Arrays.toString(expected));
            }
            net.set(name, t.values());
            values += t.values().length;
        }
        return values;
    }

    public static Map<String, Tensor> tensors(Network net) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : net.parameterNames()) {
            out.put(name, new Tensor(net.shapeOf(name), net.get(name)));
        }
        return out;
    }
}
