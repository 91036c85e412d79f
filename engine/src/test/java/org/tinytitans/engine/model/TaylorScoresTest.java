package org.tinytitans.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.zoo.Zoo;

/**
 * Checks Taylor scores against a finite difference. Scaling one channel's BN gamma and beta by (1+e) scales
 * that channel's post-ReLU map a by (1+e) (ReLU is positively homogeneous), so dL/de = sum(a * dL/da) over
 * the batch and positions: exactly the signed quantity whose magnitude the score reports.
 */
class TaylorScoresTest {

    @Test
    void matchesACentralDifferenceOfTheLoss() {
        try (Network net = Network.create(Zoo.build("resnet20"), 21); NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            int[] labels = {1, 6};
            float[] scores = net.taylorScores(m, x, labels).get(4); // stage2.block1.conv1
            int c = 0;
            for (int i = 1; i < scores.length; i++) {
                c = scores[i] > scores[c] ? i : c;
            }
            assertTrue(scores[c] > 1e-3, "need a channel with signal, got " + scores[c]);
            String bn = "stage2.block1.bn1";
            double e = 1e-2;
            double diff = (loss(net, m, x, labels, bn, c, 1 + e) - loss(net, m, x, labels, bn, c, 1 - e)) / (2 * e);
            assertEquals(scores[c], Math.abs(diff), 0.02 * scores[c] + 1e-4);
        }
    }

    private static double loss(Network net, NDManager m, NDArray x, int[] labels, String bn, int c, double scale) {
        float[] g = net.get(bn + ".gamma"), b = net.get(bn + ".beta");
        float[] g2 = g.clone(), b2 = b.clone();
        g2[c] *= (float) scale;
        b2[c] *= (float) scale;
        net.set(bn + ".gamma", g2);
        net.set(bn + ".beta", b2);
        try {
            float[] logp = net.forward(x).logSoftmax(1).toFloatArray();
            int k = net.graph().classes();
            double l = 0;
            for (int i = 0; i < labels.length; i++) {
                l -= logp[i * k + labels[i]];
            }
            return l;
        } finally {
            net.set(bn + ".gamma", g);
            net.set(bn + ".beta", b);
        }
    }
}
