package org.tinytitans.engine.runtime;

import ai.djl.engine.Engine;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.engine.metrics.CommandRunner;
import org.tinytitans.engine.metrics.NvidiaSmi;
import org.tinytitans.engine.metrics.RaplSource;
import org.tinytitans.engine.metrics.SysfsReader;

/**
 * What `titans-cli doctor` says, what the language server logs at start and what a job sends as its `runtime`
 * event: Java, DJL, the libtorch chosen and why, every source tried, CUDA devices, energy counters, whether the
 * machine is online, and what to do to get a GPU run. One JSON shape (docs/gpu.md), rendered as text by {@link #text}.
 */
public final class RuntimeReport {
    private RuntimeReport() {}

    /**
     * Describes this machine for the request. With {@code load}, the choice is applied and DJL's engine loaded
     * (which proves it, and is what a job does); without, nothing is loaded (the language server's start).
     */
    public static JsonObject describe(RuntimeRequest request, boolean load, CommandRunner runner) {
        RuntimeFacts facts = RuntimeFacts.gather(request, runner);
        RuntimeChoice choice = RuntimeDecision.decide(request, facts);
        JsonObject o = new JsonObject();
        o.addProperty("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
        o.addProperty("djl", JniGlue.DJL_VERSION);
        o.addProperty("platform", facts.classifier());
        JsonObject loaded = load && !choice.failed() ? load(request) : null;
        JsonObject lib = new JsonObject();
        if (choice.failed()) {
            lib.addProperty("error", choice.failure());
        } else {
            // The bundled natives are a jar until a job unpacks them; once loaded, the folder is known.
            Libtorch l = TorchRuntime.current().map(TorchRuntime.Applied::lib).filter(x -> loaded != null).orElse(choice.lib());
            BundledNatives.Jar jar = facts.bundled().orElse(null);
            boolean bundledJar = l == null && choice.source() == RuntimeChoice.Source.BUNDLED && jar != null;
            lib.addProperty("source", choice.source().label);
            lib.addProperty("path", l != null ? l.dir().toString() : bundledJar ? jar.file().toString() : null);
            lib.addProperty("version", l != null ? l.version() : bundledJar ? jar.version() : null);
            lib.addProperty("flavor", l != null ? l.flavor() : bundledJar ? jar.flavor() : null);
            lib.addProperty("glue", l != null ? l.glue() : bundledJar ? "stock pytorch-jni " + JniGlue.stockVersion() : null);
        }
        o.add("libtorch", lib);
        JsonArray tried = new JsonArray();
        for (Step s : choice.steps()) {
            JsonObject t = new JsonObject();
            t.addProperty("source", s.source());
            t.addProperty("found", s.found());
            t.addProperty("chosen", s.chosen());
            tried.add(t);
        }
        o.add("tried", tried);
        if (loaded != null) o.add("loaded", loaded);
        o.add("cuda", cuda(runner, facts.driver()));
        o.add("energy", energy(runner));
        o.addProperty("online", request.offline() ? "not checked: offline" : facts.online().getAsBoolean() ? "yes (" + Connectivity.HOST + " reachable)" : "no (" + Connectivity.HOST + " not reachable)");
        JsonArray advice = new JsonArray();
        advice(choice, facts).forEach(advice::add);
        o.add("advice", advice);
        o.addProperty("summary", summary(o));
        return o;
    }

    private static JsonObject load(RuntimeRequest request) {
        JsonObject loaded = new JsonObject();
        try {
            TorchRuntime.Applied a = TorchRuntime.ensure(request);
            TorchRuntime.ensureAny();
            Engine e = Engine.getEngine("PyTorch");
            String path = libtorchPathLoaded();
            loaded.addProperty("ok", true);
            loaded.addProperty("version", e.getVersion());
            loaded.addProperty("path", path);
            loaded.addProperty("gpus", e.getGpuCount());
            loaded.addProperty("defaultDevice", e.defaultDevice().toString());
            loaded.addProperty("chosen", a.summary());
        } catch (RuntimeException | LinkageError e) {
            loaded.addProperty("ok", false);
            loaded.addProperty("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return loaded;
    }

    /** The folder DJL really loaded libtorch from (it may differ when DJL was loaded before the choice). */
    public static String libtorchPathLoaded() {
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static JsonObject cuda(CommandRunner runner, String driver) {
        JsonObject c = new JsonObject();
        c.addProperty("driver", driver);
        JsonArray devices = new JsonArray();
        for (CudaDevices.Gpu g : CudaDevices.list(runner)) {
            JsonObject d = new JsonObject();
            d.addProperty("index", g.index());
            d.addProperty("name", g.name());
            d.addProperty("memoryMiB", g.memoryMiB());
            devices.add(d);
        }
        c.add("devices", devices);
        return c;
    }

    private static JsonObject energy(CommandRunner runner) {
        JsonObject e = new JsonObject();
        List<String> notes = new ArrayList<>();
        Optional<RaplSource> rapl = RaplSource.open(RaplSource.DEFAULT_ROOTS, SysfsReader.FILES, RaplSource.Kind.PACKAGE, notes::add);
        e.addProperty("rapl", rapl.isPresent() ? "readable: CPU energy is measured" : "not available (" + (notes.isEmpty() ? "no readable powercap zone under /sys/class/powercap" : String.join(" ", notes)) + "): CPU energy is estimated from TDP");
        rapl.ifPresent(RaplSource::close);
        String nvml;
        try {
            nvml = new NvidiaSmi(runner, List.of()).query("index,total_energy_consumption", true).isPresent()
                    ? "NVML energy counter readable through nvidia-smi" : "nvidia-smi has no energy counter here: GPU energy from sampled power, if any";
        } catch (java.io.IOException notInstalled) {
            nvml = "no nvidia-smi: no GPU energy";
        }
        e.addProperty("nvml", nvml);
        return e;
    }

    private static List<String> advice(RuntimeChoice choice, RuntimeFacts facts) {
        List<String> out = new ArrayList<>();
        boolean cuda = choice.lib() != null && choice.lib().cuda() || choice.source() == RuntimeChoice.Source.DOWNLOAD;
        if (cuda) {
            out.add("target gpu runs on this libtorch" + (facts.driver() == null ? ", but no NVIDIA driver was found" : ""));
        } else if (facts.driver() == null) {
            out.add("no NVIDIA driver here: for a GPU run use target ssh \"user@gpu-host\" or target slurm \"partition\" { gpus 1 } (docs/remote.md)");
        } else {
            out.add("an NVIDIA driver is here but no CUDA libtorch DJL can load: pip install torch==2.7.1 (a CUDA 12 wheel) for python3,"
                    + " or give a CUDA libtorch 2.7.1 folder as target gpu { torch \"/path/lib\" } or PYTORCH_LIBRARY_PATH, or go online so DJL downloads one (docs/gpu.md)");
        }
        return out;
    }

    /** One line: "libtorch 2.7.1 cpu at ... (the bundled CPU natives); no CUDA device". */
    public static String summary(JsonObject report) {
        JsonObject lib = report.getAsJsonObject("libtorch");
        String head = lib.has("error") ? "no usable libtorch: " + lib.get("error").getAsString()
                : "libtorch " + str(lib, "version") + " " + str(lib, "flavor") + " (" + str(lib, "source") + ")";
        int gpus = report.getAsJsonObject("cuda").getAsJsonArray("devices").size();
        return head + "; " + (gpus == 0 ? "no CUDA device" : gpus + " CUDA device(s)");
    }

    /** The report as doctor prints it. */
    public static String text(JsonObject r) {
        StringBuilder b = new StringBuilder();
        b.append("Java:      ").append(str(r, "java")).append('\n');
        b.append("DJL:       ").append(str(r, "djl")).append(" (PyTorch engine), platform ").append(str(r, "platform")).append('\n');
        JsonObject lib = r.getAsJsonObject("libtorch");
        if (lib.has("error")) {
            b.append("libtorch:  none usable: ").append(lib.get("error").getAsString()).append('\n');
        } else {
            b.append("libtorch:  ").append(str(lib, "version")).append(' ').append(str(lib, "flavor")).append(" from ").append(str(lib, "source"))
                    .append("\n           ").append(str(lib, "path")).append("\n           JNI glue: ").append(str(lib, "glue")).append('\n');
        }
        b.append("Tried, in order:\n");
        for (var t : r.getAsJsonArray("tried")) {
            JsonObject s = t.getAsJsonObject();
            b.append(s.get("chosen").getAsBoolean() ? "  -> " : "     ").append(str(s, "source")).append(": ").append(str(s, "found")).append('\n');
        }
        if (r.has("loaded")) {
            JsonObject l = r.getAsJsonObject("loaded");
            b.append("Loaded:    ").append(l.get("ok").getAsBoolean()
                    ? "yes, PyTorch " + str(l, "version") + " from " + str(l, "path") + "; GPUs visible to PyTorch: " + str(l, "gpus")
                    : "FAILED: " + str(l, "error")).append('\n');
        }
        JsonObject cuda = r.getAsJsonObject("cuda");
        b.append("CUDA:      driver ").append(cuda.get("driver").isJsonNull() ? "none" : cuda.get("driver").getAsString()).append('\n');
        for (var d : cuda.getAsJsonArray("devices")) {
            JsonObject g = d.getAsJsonObject();
            b.append("           GPU ").append(str(g, "index")).append(": ").append(str(g, "name")).append(", ")
                    .append(str(g, "memoryMiB")).append(" MiB\n");
        }
        JsonObject e = r.getAsJsonObject("energy");
        b.append("Energy:    RAPL ").append(str(e, "rapl")).append("\n           GPU ").append(str(e, "nvml")).append('\n');
        b.append("Online:    ").append(str(r, "online")).append('\n');
        for (var a : r.getAsJsonArray("advice")) b.append("To do:     ").append(a.getAsString()).append('\n');
        return b.toString();
    }

    private static String str(JsonObject o, String k) {
        return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsString() : "-";
    }
}
