package org.tinytitans.engine.job;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.ExpectSpec;

/** Which metrics a run must measure: those it names in {@code measure}, those its {@code expect} lines judge. */
final class Wanted {

    static final List<String> ALL = List.of("flops", "params", "memory", "latency", "throughput", "accuracy",
            "perplexity", "sparsity", "energy", "carbon", "water", "cost");

    private Wanted() {}

    static Set<String> metrics(ExperimentRun run) {
        Set<String> wanted = new LinkedHashSet<>(run.measures().isEmpty() ? ALL : run.measures());
        for (ExpectSpec e : run.expects()) {
            wanted.add(e.metric().equals("speedup") ? "latency" : e.metric());
        }
        if (wanted.contains("speedup")) {
            wanted.add("latency");
        }
        return wanted;
    }

    /** Timing runs are needed for latency itself and for the per-inference energy behind carbon savings. */
    static boolean timing(Set<String> wanted) {
        return wanted.contains("latency") || wanted.contains("throughput") || wanted.contains("speedup");
    }
}
