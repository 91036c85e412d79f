package org.tinytitans.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExpectSpec;
import org.tinytitans.language.resolve.Experiments;

class ExpectJudgeTest {

    static final Map<String, Double> BASE = Map.of("flops", 100e6, "params", 800e3, "accuracy", 0.93,
            "latency", 0.010, "perplexity", 20.0, "carbon", 4.0);
    static final Map<String, Double> PRUNED = Map.of("flops", 50e6, "params", 500e3, "accuracy", 0.915,
            "latency", 0.004, "perplexity", 21.0, "carbon", 6.0);

    static Verdict expect(String line) {
        String spec = "experiment a {\n  model resnet20\n  measure flops, params, accuracy, latency, perplexity, carbon\n  expect " + line + "\n}\n";
        ExpectSpec e = Experiments.resolve(SpecDocument.parse(spec)).get(0).expects().get(0);
        return ExpectJudge.judge(e, BASE, PRUNED);
    }

    @Test
    void percentOnCountsIsRelativeToBaseline() {
        assertTrue(expect("flops <= 55%").passed());
        assertFalse(expect("flops <= 45%").passed());
        assertTrue(expect("flops <= 55%").actual().startsWith("50% of baseline"), expect("flops <= 55%").actual());
        assertFalse(expect("params < 60%").passed()); // 62.5%
    }

    @Test
    void accuracyDropIsInPercentagePoints() {
        assertTrue(expect("accuracy drop <= 2%").passed());   // 1.5 points
        assertFalse(expect("accuracy drop <= 1%").passed());
        assertTrue(expect("accuracy drop <= 2%").actual().startsWith("1.5 points"), expect("accuracy drop <= 2%").actual());
    }

    @Test
    void perplexityDropIsRelativeIncrease() {
        assertTrue(expect("perplexity drop <= 10%").passed());  // 5% higher
        assertFalse(expect("perplexity drop <= 4%").passed());
    }

    @Test
    void absoluteFormsCompareInTheWrittenUnit() {
        assertTrue(expect("latency <= 5ms").passed());
        assertEquals("4ms", expect("latency <= 5ms").actual());
        assertFalse(expect("latency <= 3ms").passed());
        assertTrue(expect("accuracy >= 90%").passed());
        assertFalse(expect("accuracy >= 92%").passed());
        assertFalse(expect("carbon <= 5g").passed());
        assertTrue(expect("carbon <= 0.01kg").passed());
    }

    @Test
    void speedupIsBaselineOverPrunedLatency() {
        assertTrue(expect("speedup >= 2x").passed());  // 2.5x
        assertFalse(expect("speedup >= 3x").passed());
        assertEquals("2.5x", expect("speedup >= 2x").actual());
    }

    @Test
    void unmeasuredMetricFailsAndSaysSo() {
        Verdict v = expect("energy <= 1Wh");
        assertFalse(v.passed());
        assertTrue(v.actual().contains("not measured"), v.actual());
    }
}
