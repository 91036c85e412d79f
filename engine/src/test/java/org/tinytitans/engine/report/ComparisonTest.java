package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    static RunResult run(String experiments) {
        return ResultReader.parse("{\"schema\":\"titans-result/1\",\"status\":\"complete\",\"experiments\":[" + experiments + "]}", null, null);
    }

    static String exp(String id, double acc, double flops) {
        return "{\"id\":\"" + id + "\",\"status\":\"complete\",\"pruned\":{\"accuracy\":" + acc + ",\"flops\":" + flops + "}}";
    }

    @Test
    void matchesByIdThenByPosition() {
        RunResult a = run(exp("x", 0.90, 100) + "," + exp("y", 0.80, 50) + "," + exp("old", 0.7, 10));
        RunResult b = run(exp("y", 0.85, 40) + "," + exp("x", 0.92, 80) + "," + exp("new", 0.75, 12) + "," + exp("extra", 0.5, 1));
        Comparison c = Comparison.of(a, b);
        assertEquals(3, c.pairs().size());
        Comparison.Pair x = c.pairs().get(0);
        assertEquals("x", x.b().id());
        assertEquals("id", x.matchedBy());
        assertEquals(-20, x.delta("flops").change(), 1e-9);
        assertEquals(-0.2, x.delta("flops").relative(), 1e-9);
        assertEquals(0.02, x.delta("accuracy").change(), 1e-9);
        Comparison.Pair renamed = c.pairs().get(2);
        assertEquals("old", renamed.a().id());
        assertEquals("new", renamed.b().id());
        assertEquals("position", renamed.matchedBy());
        assertEquals(0.2, renamed.delta("flops").relative(), 1e-9);
        assertEquals(1, c.onlyB().size());
        assertTrue(c.onlyA().isEmpty());
        String text = c.toText();
        assertTrue(text.contains("+2 points"), text);
        assertTrue(text.contains("-20%"), text);
        assertTrue(text.contains("only in B: extra"), text);
        assertTrue(text.contains("(matched by position)"), text);
    }

    @Test
    void metricOnOneSideOnlyHasNoDelta() {
        RunResult a = run("{\"id\":\"x\",\"pruned\":{\"flops\":10,\"latency_ms\":{\"p50\":2.0}}}");
        RunResult b = run("{\"id\":\"x\",\"pruned\":{\"flops\":0}}");
        Comparison.Pair p = Comparison.of(a, b).pairs().get(0);
        assertNull(p.delta("latency_ms").change());
        assertEquals(-1.0, p.delta("flops").relative(), 1e-9);
        assertEquals("x", Comparison.of(a, b).toJson().getAsJsonArray("pairs").get(0).getAsJsonObject().get("a").getAsString());
    }
}
