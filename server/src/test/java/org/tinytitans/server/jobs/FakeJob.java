package org.tinytitans.server.jobs;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** The test job script (src/test/resources/jobs/fake-job.sh) as a jobCommand setting, and a polling wait. */
public final class FakeJob {
    private FakeJob() {}

    public static Path script() {
        try {
            return Path.of(FakeJob.class.getResource("/jobs/fake-job.sh").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {"jobCommand": ["bash", script], "debounceMs": 10}, plus runOnSave: the runner appends `--events SPEC`. */
    public static JsonObject settings(boolean runOnSave) {
        JsonObject o = new JsonObject();
        JsonArray cmd = new JsonArray();
        cmd.add("bash");
        cmd.add(script().toString());
        o.add("jobCommand", cmd);
        o.addProperty("debounceMs", 10);
        o.addProperty("runOnSave", runOnSave);
        return o;
    }

    /** A spec the fake job reports on; its comments steer the job (see the script). */
    public static String spec(String tag, double delay) {
        return "# delay " + delay + "\n# tag " + tag + "\nexperiment e {\n  model resnet56\n  measure flops\n  expect flops <= 55%\n}\n";
    }

    /** Waits (polling, generous limit) until the condition holds; fails with the message otherwise. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
