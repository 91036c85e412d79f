package org.tinytitans.server.services;

import com.google.gson.JsonObject;
import org.tinytitans.engine.metrics.CommandRunner;
import org.tinytitans.engine.runtime.RuntimeReport;
import org.tinytitans.engine.runtime.RuntimeRequest;

/** The answer to {@code titans/runtime}: the engine's runtime report for a CPU job, without loading libtorch. */
public final class RuntimeInfo {
    private RuntimeInfo() {}

    public static JsonObject describe() {
        JsonObject o = new JsonObject();
        try {
            JsonObject report = RuntimeReport.describe(RuntimeRequest.cpu(), false, CommandRunner.PROCESS);
            o.addProperty("summary", report.get("summary").getAsString());
            o.addProperty("text", RuntimeReport.text(report));
            o.add("report", report);
        } catch (LinkageError e) { // a server built without the engine still answers
            o.addProperty("summary", "no engine in this server: jobs cannot run");
            o.addProperty("text", "This language server was built without the engine (" + e.getMessage() + ").");
        }
        return o;
    }
}
