package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.report.RunResult;

/** The run summary shows every energy figure with its range and method, the per-million projection included. */
class RunTableTest {

    static String table(String schema, String experimentJson) {
        JsonObject doc = JsonParser.parseString("{\"schema\": \"" + schema + "\", \"experiments\": [" + experimentJson + "]}").getAsJsonObject();
        StringWriter w = new StringWriter();
        RunTable.print(RunResult.from(doc, null, null), new PrintWriter(w, true));
        return w.toString();
    }

    static final String EXPERIMENT = """
            {"name": "q", "id": "q", "variant": {}, "model": "mnist-cnn", "dataset": "mnist", "status": "complete",
             "baseline": {"params": 10000, "flops": 100000, "accuracy": 0.9666, "latency_ms": {"p50": 2.0, "batch": 1}},
             "pruned": {"params": 5000, "flops": 30000, "accuracy": 0.9571, "latency_ms": {"p50": 1.0, "batch": 1}},
             "energy": {"total_wh": 0.007, "total_wh_low": 0.0035, "total_wh_high": 0.0105,
                        "phases": [{"phase": "latency", "cpu": "estimated:cpu-time-tdp"}],
                        "carbon": {"g": 0.003, "g_low": 0.0015, "g_high": 0.0045, "intensity_g_per_kwh": 432.0, "source": "tutorial default"}},
             "projection": {"inferences": 1000000, "saved_kwh": 0.00616, "saved_kwh_low": 0.00308, "saved_kwh_high": 0.00923,
                            "saved_co2_kg": 0.00266, "saved_co2_kg_low": 0.00133, "saved_co2_kg_high": 0.00399,
                            "method": "estimated:cpu-time-tdp+not-used+estimated:ram-model"}}
            """;

    @Test
    void everyEstimatedFigureCarriesItsRangeAndMethod() {
        String out = table("titans-result/2", EXPERIMENT);
        assertTrue(out.contains("deployment       0.00616 kWh (0.00308 to 0.00923) and 0.00266 kg CO2e (0.00133 to 0.00399) "
                + "saved per million inferences, estimated:cpu-time-tdp+not-used+estimated:ram-model"), out);
        assertTrue(out.contains("energy (job)     0.007 Wh (0.0035 to 0.0105), cpu estimated:cpu-time-tdp"), out);
        assertTrue(out.contains("carbon (job)     0.003 g CO2e (0.0015 to 0.0045), at 432 g/kWh, tutorial default"), out);
    }

    @Test
    void accuracyReadsInPercentWithItsChangeInPoints() {
        String out = table("titans-result/2", EXPERIMENT);
        assertTrue(out.contains("96.66%") && out.contains("95.71%") && out.contains("-0.95 points"), out);
        assertTrue(out.contains("10,000") && out.contains("5,000") && out.contains("-50%"), out);
        assertTrue(out.contains("2 ms") && out.contains("1 ms") && out.contains("2x speed-up"), out);
    }

    @Test
    void latencyShowsItsThreadsTheLoadAndTheShareOfTheRoofline() {
        String timed = EXPERIMENT.replace("\"latency_ms\": {\"p50\": 2.0, \"batch\": 1}", """
                "latency_ms": {"p50": 2.0, "batch": 1, "runtime": "engine", "threads": 1, "gmacs": 5.0, "roofline_gmacs": 40.0,
                               "load_average": {"before": 2.5, "after": 3.1, "cpus": 2, "busy": true}}""")
                .replace("\"latency_ms\": {\"p50\": 1.0, \"batch\": 1}", """
                "latency_ms": {"p50": 1.0, "batch": 1, "runtime": "engine", "threads": 1, "gmacs": 3.0, "roofline_gmacs": 40.0}""");
        String out = table("titans-result/2", timed);
        assertTrue(out.contains("compute          5 GMAC/s (12.5%)"), out);
        assertTrue(out.contains("3 GMAC/s (7.5%)") && out.contains("roofline 40 GMAC/s"), out);
        assertTrue(out.contains("(batch 1, interleaved, engine, 1 thread; load 3.1 on 2 CPUs: busy, so slower than the model is)"), out);
        // a result without these figures prints no compute row
        assertTrue(!table("titans-result/2", EXPERIMENT).contains("compute"));
    }

    /** A result written before the snake_case schema reads exactly as today's. */
    @Test
    void aVersionOneResultReadsTheSame() {
        String v1 = EXPERIMENT.replace("\"total_wh\"", "\"totalWh\"").replace("\"total_wh_low\"", "\"lowWh\"")
                .replace("\"total_wh_high\"", "\"highWh\"").replace("\"g_low\"", "\"lowG\"").replace("\"g_high\"", "\"highG\"")
                .replace("\"intensity_g_per_kwh\"", "\"intensityGPerKWh\"").replace("\"saved_kwh_low\"", "\"savedLowKWh\"")
                .replace("\"saved_kwh_high\"", "\"savedHighKWh\"").replace("\"saved_kwh\"", "\"savedKWh\"")
                .replace("\"saved_co2_kg_low\"", "\"savedCo2LowKg\"").replace("\"saved_co2_kg_high\"", "\"savedCo2HighKg\"")
                .replace("\"saved_co2_kg\"", "\"savedCo2Kg\"");
        assertTrue(v1.contains("savedCo2LowKg") && !v1.contains("_kwh"), v1);
        assertEquals(table("titans-result/2", EXPERIMENT), table("titans-result/1", v1));
    }
}
