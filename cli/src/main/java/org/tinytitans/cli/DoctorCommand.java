package org.tinytitans.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.metrics.CommandRunner;
import org.tinytitans.engine.runtime.RuntimeReport;
import org.tinytitans.engine.runtime.RuntimeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code titans-cli doctor}: which libtorch and device jobs here run on, why, and how to get a GPU run. */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        description = {"Say what jobs on this machine run on: Java, DJL, the libtorch chosen and why (each source tried, in order),",
                "CUDA devices, energy counters, whether DJL's download is reachable, and what to do for a GPU run.",
                "Exit 0 when a libtorch was found and loads, 3 when not."})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the report as JSON (the shape of a job's `runtime` event, docs/gpu.md).")
    boolean json;

    @Option(names = "--gpu", description = "Choose as for `target gpu`: only CUDA builds count.")
    boolean gpu;

    @Option(names = "--torch", paramLabel = "DIR", description = "A libtorch folder to use, as `target ... { torch \"DIR\" }` does.")
    Path torch;

    @Option(names = "--no-load", description = "Choose without loading libtorch (faster; proves less).")
    boolean noLoad;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuntimeRequest request = new RuntimeRequest(torch == null ? null : torch.toAbsolutePath(), "--torch", gpu, RuntimeRequest.offlineByDefault());
        JsonObject report = RuntimeReport.describe(request, !noLoad, CommandRunner.PROCESS);
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(report));
        } else {
            out.print(RuntimeReport.text(report));
        }
        out.flush();
        boolean chosen = !report.getAsJsonObject("libtorch").has("error");
        JsonObject loaded = report.getAsJsonObject("loaded");
        boolean ok = chosen && (loaded == null || loaded.get("ok").getAsBoolean());
        if (ok && gpu && loaded != null && loaded.get("gpus").getAsInt() == 0) ok = false;
        return ok ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }
}
