package org.tinytitans.engine.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * The token reduction steps of {@link TokenKeep} and {@link TokenMerge} on DJL arrays, for the whole batch at once:
 * sorting, gathering and merging are array ops, so the step costs a few kernel calls and no per-image Java loop
 * (its overhead would eat the speed-up at large batches).
 */
final class TokenSelection {
    private TokenSelection() {}

    /** x (B, 1+N, H) to the tokens the plan leaves, given block K's attention (B, heads, T, T) and keys (B, heads, T, d). */
    static NDArray apply(NDManager s, NDArray x, NDArray attention, NDArray keys, TokenPlan plan) {
        return plan instanceof TokenKeep k ? keep(s, x, attention, k) : merge(s, x, keys, (TokenMerge) plan);
    }

    /** EViT: CLS, the top-k patches by the CLS attention (in image order) and, with fuse, their attention-weighted rest. */
    static NDArray keep(NDManager s, NDArray x, NDArray attention, TokenKeep keep) {
        int n = (int) x.getShape().get(1) - 1;
        long h = x.getShape().get(2);
        int k = keep.kept(n);
        if (k >= n) {
            return x;
        }
        // CLS row, patch columns, averaged over heads: how much the CLS token reads each patch
        NDArray cls = attention.get(new NDIndex(":, :, 0, 1:")).mean(new int[] {1});
        NDArray order = cls.argSort(1, false);
        NDArray kept = order.get(new NDIndex(":, 0:" + k)).sort(1); // image order
        NDArray patches = x.get(new NDIndex(":, 1:, :"));
        NDList parts = new NDList(x.get(new NDIndex(":, 0:1, :")), rows(patches, kept, h));
        if (keep.fuse()) {
            NDArray dropped = order.get(new NDIndex(":, " + k + ":"));
            NDArray w = cls.gather(dropped, 1);
            w = w.div(w.sum(new int[] {1}, true).add(1e-12f)).expandDims(1); // (B, 1, N-k)
            parts.add(w.matMul(rows(patches, dropped, h)));
        }
        return NDArrays.concat(parts, 1);
    }

    /**
     * ToMe: bipartite soft matching, repeated until {@code kept} patches are left. Patches alternate into A and B; each
     * A token's most similar B token (cosine of the keys averaged over heads) is its edge; the r best edges merge
     * their A token into that B token as a size-weighted average, and the unmerged A tokens stay. The output is CLS,
     * the unmerged A tokens, then B (positions are already in the tokens, so their order does not matter to the
     * later blocks).
     */
    static NDArray merge(NDManager s, NDArray x, NDArray keys, TokenMerge plan) {
        long b = x.getShape().get(0);
        int n = (int) x.getShape().get(1) - 1;
        long h = x.getShape().get(2);
        int target = plan.kept(n);
        NDArray tokens = x.get(new NDIndex(":, 1:, :"));
        NDArray metric = keys.mean(new int[] {1}).get(new NDIndex(":, 1:, :"));
        long d = metric.getShape().get(2);
        NDArray size = s.ones(new ai.djl.ndarray.types.Shape(b, n, 1));
        int left = n;
        while (left > target) {
            int na = (left + 1) / 2;
            int nb = left / 2;
            int r = Math.min(left - target, na);
            NDArray m = metric.div(metric.norm(new int[] {2}, true).add(1e-6f));
            NDArray ma = m.get(new NDIndex(":, ::2, :"));
            NDArray mb = m.get(new NDIndex(":, 1::2, :"));
            NDArray scores = ma.matMul(mb.transpose(0, 2, 1)); // (B, na, nb)
            NDArray best = scores.max(new int[] {2});
            NDArray dst = scores.argMax(2);
            NDArray edges = best.argSort(1, false);
            NDArray src = edges.get(new NDIndex(":, 0:" + r));
            NDArray unm = edges.get(new NDIndex(":, " + r + ":")).sort(1);
            NDArray dstOfSrc = dst.gather(src, 1); // (B, r): the B token each merged A token joins
            // (B, nb, r) one-hot: which merged A tokens go into each B token
            NDArray onto = s.arange(0, nb, 1, DataType.INT64).reshape(1, nb, 1).eq(dstOfSrc.expandDims(1)).toType(DataType.FLOAT32, false);
            NDArray xa = tokens.get(new NDIndex(":, ::2, :"));
            NDArray xb = tokens.get(new NDIndex(":, 1::2, :"));
            NDArray sa = size.get(new NDIndex(":, ::2, :"));
            NDArray sb = size.get(new NDIndex(":, 1::2, :"));
            NDArray ka = metric.get(new NDIndex(":, ::2, :"));
            NDArray kb = metric.get(new NDIndex(":, 1::2, :"));
            NDArray srcSize = rows(sa, src, 1);
            NDArray newSize = sb.add(onto.matMul(srcSize));
            NDArray newXb = xb.mul(sb).add(onto.matMul(rows(xa, src, h).mul(srcSize))).div(newSize);
            NDArray newKb = kb.mul(sb).add(onto.matMul(rows(ka, src, d).mul(srcSize))).div(newSize);
            tokens = NDArrays.concat(new NDList(rows(xa, unm, h), newXb), 1);
            metric = NDArrays.concat(new NDList(rows(ka, unm, d), newKb), 1);
            size = NDArrays.concat(new NDList(rows(sa, unm, 1), newSize), 1);
            left -= r;
        }
        return NDArrays.concat(new NDList(x.get(new NDIndex(":, 0:1, :")), tokens), 1);
    }

    /** Rows {@code index} (B, k) of a (B, N, width) array: (B, k, width). */
    private static NDArray rows(NDArray a, NDArray index, long width) {
        NDArray i = index.expandDims(2).repeat(2, width);
        return a.gather(i, 1);
    }
}
