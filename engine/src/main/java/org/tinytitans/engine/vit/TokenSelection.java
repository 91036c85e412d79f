package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.Owned;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** The token selection step of {@link TokenKeep}, on DJL arrays. */
final class TokenSelection {
    private TokenSelection() {}

    /** x (B, 1+N, H) and the block's attention (B, heads, 1+N, 1+N) to the kept tokens (B, T', H). */
    static NDArray keep(NDManager s, NDArray x, NDArray attention, TokenKeep keep) {
        long b = x.getShape().get(0);
        int n = (int) x.getShape().get(1) - 1;
        int k = keep.kept(n);
        if (k >= n) {
            return x;
        }
        // CLS row, patch columns, averaged over heads: how much the CLS token reads each patch
        float[] cls = attention.get(new NDIndex(":, :, 0, 1:")).mean(new int[] {1}).toFloatArray();
        NDList rows = new NDList();
        for (int i = 0; i < b; i++) {
            float[] a = Arrays.copyOfRange(cls, i * n, (i + 1) * n);
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (p, q) -> Float.compare(a[q], a[p]) != 0 ? Float.compare(a[q], a[p]) : Integer.compare(p, q));
            long[] kept = new long[k + 1];
            for (int j = 0; j < k; j++) {
                kept[j + 1] = order[j] + 1; // +1: token 0 is CLS
            }
            Arrays.sort(kept); // CLS first, then the kept patches in image order
            NDArray xi = x.get(i);
            NDArray picked = xi.get(Owned.longs(s, kept, new Shape(kept.length)));
            if (keep.fuse()) {
                float[] w = new float[n + 1];
                float total = 0;
                for (int j = k; j < n; j++) {
                    total += a[order[j]];
                }
                for (int j = k; j < n; j++) {
                    w[order[j] + 1] = total > 0 ? a[order[j]] / total : 1f / (n - k);
                }
                NDArray fused = Owned.floats(s, w, new Shape(1, n + 1)).matMul(xi);
                picked = NDArrays.concat(new NDList(picked, fused), 0);
            }
            rows.add(picked);
        }
        return NDArrays.stack(rows, 0);
    }
}
