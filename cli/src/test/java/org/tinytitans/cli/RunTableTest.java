package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The run summary shows every energy figure with its range and method, the per-million projection included. */
class RunTableTest {

    static String table(String experimentJson) {
        JsonObject doc = JsonParser.parseString("{\"experiments\": [" + experimentJson + "]}").getAsJsonObject();
        StringWriter w = new StringWriter();
        RunTable.print(doc, new PrintWriter(w, true));
        return w.toString();
    }

    @Test
    void theDeploymentProjectionCarriesItsRangeAndMethod() {
        String out = table("""
                {"name": "q", "id": "q", "variant": {}, "model": "mnist-cnn", "dataset": "mnist", "status": "complete",
                 "baseline": {"params": 10, "flops": 100}, "pruned": {"params": 5, "flops": 30},
                 "energy": {"totalWh": 0.007, "lowWh": 0.0035, "highWh": 0.0105,
                            "phases": [{"phase": "latency", "cpu": "estimated:cpu-time-tdp"}],
                            "carbon": {"g": 0.003, "lowG": 0.0015, "highG": 0.0045, "intensityGPerKWh": 432.0, "source": "tutorial default"}},
                 "projection": {"savedKWh": 0.00616, "savedLowKWh": 0.00308, "savedHighKWh": 0.00923,
                                "savedCo2Kg": 0.00266, "savedCo2LowKg": 0.00133, "savedCo2HighKg": 0.00399,
                                "method": "estimated:cpu-time-tdp+not-used+estimated:ram-model"}}
                """);
        assertTrue(out.contains("deployment       0.00616 kWh (0.00308 to 0.00923) and 0.00266 kg CO2e (0.00133 to 0.00399) "
                + "saved per million inferences, estimated:cpu-time-tdp+not-used+estimated:ram-model"), out);
    }
}
