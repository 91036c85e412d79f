package org.tinytitans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.engine.graph.Layer;

/**
 * Names and shapes of the tensors a layer owns. The names ({@code stage1.block0.conv1.weight}, {@code .bias},
 * {@code .gamma}, {@code .beta}, {@code .running_mean}, {@code .running_var}) key the DJL parameters, the
 * safetensors files we write and the surgery that copies kept slices; shapes are OIHW / (out,in) / (C).
 */
public final class ParamNames {

    public record Tensor(String name, String role, long[] shape) {}

    private ParamNames() {}

    public static List<Tensor> of(Layer l) {
        List<Tensor> t = new ArrayList<>();
        String n = l.name() + ".";
        switch (l.kind()) {
            case CONV -> {
                t.add(new Tensor(n + "weight", "weight", new long[] {l.out(), l.in() / l.groups(), l.kernel(), l.kernel()}));
                if (l.bias()) {
                    t.add(new Tensor(n + "bias", "bias", new long[] {l.out()}));
                }
            }
            case DENSE -> {
                t.add(new Tensor(n + "weight", "weight", new long[] {l.out(), l.in()}));
                if (l.bias()) {
                    t.add(new Tensor(n + "bias", "bias", new long[] {l.out()}));
                }
            }
            case BATCH_NORM -> {
                for (String r : new String[] {"gamma", "beta", "running_mean", "running_var"}) {
                    t.add(new Tensor(n + r, r, new long[] {l.out()}));
                }
            }
            default -> { }
        }
        return t;
    }
}
