package org.tinytitans.engine.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.train.TinyNets;

class LatencyHarnessTest {

    @Test
    void timesTinyBlocksInterleavedAndReportsEveryModel() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<String> calls = new ArrayList<>();
            Block dense = TinyNets.cnn(m, 3, 8, 16, 10, 1);
            Block pruned = TinyNets.cnn(m, 3, 8, 8, 10, 2);
            Map<String, Block> models = new LinkedHashMap<>();
            models.put("dense", new LambdaBlock(x -> {
                calls.add("dense");
                return dense.forward(new ai.djl.training.ParameterStore(x.head().getManager(), false), x, false);
            }));
            models.put("pruned", new LambdaBlock(x -> {
                calls.add("pruned");
                return pruned.forward(new ai.djl.training.ParameterStore(x.head().getManager(), false), x, false);
            }));
            List<String> phases = new ArrayList<>();
            LatencyReport r = LatencyHarness.run(models, new LatencyConfig(new long[] {4, 3, 8, 8}, 2, 5, 0),
                    (phase, done, total, detail) -> phases.add(phase + " " + done + "/" + total));

            assertEquals(List.of("dense", "pruned", "pruned", "dense", "dense", "pruned"), calls.subList(0, 6), "interleaved, rotating");
            assertEquals(14, calls.size());
            assertEquals(List.of("dense", "pruned"), r.models().stream().map(LatencyStats::model).toList());
            for (LatencyStats s : r.models()) {
                assertEquals(5, s.runs());
                assertEquals(4, s.batch());
                assertTrue(s.min() > 0 && s.min() <= s.p50() && s.p50() <= s.p90() && s.p90() <= s.p99() && s.p99() <= s.max(), s.toString());
                assertTrue(s.throughput() > 0);
            }
            assertTrue(r.threads().intraOpThreads() >= 1 && r.threads().interOpThreads() >= 1);
            assertEquals(LatencyHarness.ENGINE, r.runtime());
            assertTrue(phases.contains("latency warm-up 2/2") && phases.contains("latency 5/5"), phases.toString());
            assertEquals(r.of("pruned"), r.models().get(1));
        }
    }

    @Test
    void theThreadProbeLeavesTheThreadCountAsItFoundIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Block> models = Map.of("dense", TinyNets.cnn(m, 3, 8, 16, 10, 1));
            int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
            int chosen = LatencyHarness.fasterThreads(models, new LatencyConfig(new long[] {2, 3, 8, 8}, 0, 1, 0));
            assertTrue(chosen == before || chosen == 1, "either the current count or one thread: " + chosen);
            assertEquals(before, ai.djl.pytorch.jni.JniUtils.getNumThreads());
        }
    }

    @Test
    void badConfigurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyConfig(new long[] {0, 3}, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LatencyConfig(new long[] {1, 3}, 1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LatencyHarness.run(Map.of(), new LatencyConfig(new long[] {1}, 0, 1, 0), null));
    }
}
