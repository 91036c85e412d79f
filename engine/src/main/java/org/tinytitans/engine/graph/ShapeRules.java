package org.tinytitans.engine.graph;

import java.util.List;

/** Output shape of each layer kind; throws naming the layer when its inputs do not fit. */
public final class ShapeRules {

    private ShapeRules() {}

    static Dims output(Layer l, List<Dims> in, int height, int width) {
        Dims x = in.isEmpty() ? null : in.get(0);
        return switch (l.kind()) {
            case INPUT -> new Dims(l.out(), height, width);
            case CONV -> {
                need(l, x.c() == l.in(), "expects " + l.in() + " input channels but receives " + x);
                need(l, l.in() % l.groups() == 0 && l.out() % l.groups() == 0, "channels not divisible by groups " + l.groups());
                yield new Dims(l.out(), size(x.h(), l.kernel(), l.stride(), l.pad()), size(x.w(), l.kernel(), l.stride(), l.pad()));
            }
            case BATCH_NORM -> {
                need(l, x.c() == l.out(), "has " + l.out() + " channels but receives " + x);
                yield x;
            }
            case RELU, RELU6, SOFTMAX -> x;
            case ADD -> {
                need(l, in.get(1).equals(x), "adds " + x + " and " + in.get(1));
                yield x;
            }
            case MAX_POOL, AVG_POOL -> new Dims(x.c(), size(x.h(), l.kernel(), l.stride(), l.pad()), size(x.w(), l.kernel(), l.stride(), l.pad()));
            case GLOBAL_AVG_POOL -> new Dims(x.c(), 1, 1);
            case FLATTEN -> new Dims((int) x.size(), 1, 1);
            case DENSE -> {
                need(l, x.size() == l.in(), "expects " + l.in() + " features but receives " + x);
                yield new Dims(l.out(), 1, 1);
            }
            case PAD_SHORTCUT -> {
                need(l, x.c() == l.in() && l.out() >= l.in(), "pads " + l.in() + "->" + l.out() + " channels but receives " + x);
                yield new Dims(l.out(), ceilDiv(x.h(), l.stride()), ceilDiv(x.w(), l.stride()));
            }
        };
    }

    static int size(int in, int k, int s, int pad) {
        return pad == Layer.SAME ? ceilDiv(in, s) : (in + 2 * pad - k) / s + 1;
    }

    /** TF 'same' padding before/after along one axis: the odd pixel goes after (bottom/right). */
    public static int[] samePadding(int in, int k, int s) {
        int total = Math.max((ceilDiv(in, s) - 1) * s + k - in, 0);
        return new int[] {total / 2, total - total / 2};
    }

    private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

    private static void need(Layer l, boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("layer " + l.name() + " " + message);
        }
    }
}
