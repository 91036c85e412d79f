package org.tinytitans.engine.job;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.ExpectSpec;

/** A finished experiment: its result object (results.md) and whether every expect held. */
record ExperimentOutcome(JsonObject result, boolean allPassed) {

    static ExperimentOutcome of(ExperimentRun run, Measured baseline, Measured pruned, JsonObject result,
                                List<String> notes, EventWriter events) {
        JsonArray expectations = new JsonArray();
        boolean all = true;
        for (ExpectSpec e : run.expects()) {
            Verdict v = ExpectJudge.judge(e, baseline.values, pruned.values);
            all &= v.passed();
            JsonObject o = new JsonObject();
            int line = e.range().start().line() + 1;
            o.addProperty("line", line);
            o.addProperty("text", e.text());
            o.addProperty("passed", v.passed());
            o.addProperty("actual", v.actual());
            expectations.add(o);
            events.event("expect").with("experiment", run.id()).with("line", line).with("text", e.text())
                    .with("passed", v.passed()).with("actual", v.actual()).emit();
        }
        result.addProperty("status", "complete");
        result.add("baseline", baseline.json);
        result.add("pruned", pruned.json);
        result.add("expectations", expectations);
        JsonArray n = new JsonArray();
        new ArrayList<>(new java.util.LinkedHashSet<>(notes)).forEach(n::add);
        result.add("notes", n);
        return new ExperimentOutcome(result, all);
    }
}
