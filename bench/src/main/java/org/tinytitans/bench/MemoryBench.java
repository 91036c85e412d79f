package org.tinytitans.bench;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tinytitans.engine.model.Models;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * Engine peak memory per model: a fresh JVM per (model, batch) loads the engine, notes its resident set, builds
 * the model, runs inference forward passes and reports the peak (VmHWM). A fresh process per row keeps one
 * model's high-water mark from hiding the next one's.
 */
public final class MemoryBench {

    record Case(String model, int batch) {}

    static final List<Case> CASES = List.of(new Case("resnet20", 1), new Case("resnet20", 128), new Case("resnet56", 1),
            new Case("resnet56", 128), new Case("resnet110", 128), new Case("vgg16-cifar", 128), new Case("resnet50", 1),
            new Case("resnet50", 16), new Case("mobilenetv2", 16));

    private final Path jar;

    public MemoryBench(Path jar) { this.jar = jar; }

    public String run(boolean quick) throws IOException, InterruptedException {
        Table t = new Table("model", "batch", "params", "RSS with engine loaded (MiB)", "peak RSS (MiB)", "peak - engine (MiB)");
        for (Case c : quick ? CASES.subList(0, 4) : CASES) {
            System.err.println("memory: " + c.model() + " batch " + c.batch());
            List<String> cmd = new ArrayList<>(List.of(Servers.javaBin(), "-Xmx8g", "-Dai.djl.offline=true"));
            for (String p : new String[] {"ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"}) {
                if (System.getProperty(p) != null) {
                    cmd.add("-D" + p + "=" + System.getProperty(p));
                }
            }
            cmd.addAll(List.of("-cp", jar.toString(), BenchMain.class.getName(), "memory-one", c.model(), Integer.toString(c.batch())));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                t.row(c.model(), c.batch(), "failed", "", "", "");
                continue;
            }
            String[] f = out.substring(out.lastIndexOf('\n') + 1).split(" ");
            double base = Double.parseDouble(f[1]), peak = Double.parseDouble(f[2]);
            t.row(c.model(), c.batch(), f[0], Table.ms(base), Table.ms(peak), Table.ms(peak - base));
        }
        return "## Engine peak memory per model\n\nA fresh JVM (`-Xmx8g`) per row: load the engine, read VmRSS, build the zoo "
                + "model (random weights), run 3 inference passes at the batch shown, read VmHWM from /proc/self/status.\n\n"
                + t.markdown() + "\n";
    }

    /** Child side: prints "PARAMS ENGINE_RSS_MB PEAK_RSS_MB". */
    static void one(String model, int batch) throws IOException {
        long pid = ProcessHandle.current().pid();
        TorchRuntime.engine();
        try (NDManager m = NDManager.newBaseManager()) {
            m.zeros(new ai.djl.ndarray.types.Shape(1)).toFloatArray(); // libtorch fully up
        }
        double base = Proc.rssMb(pid);
        Zoo.Entry e = Zoo.entry(model);
        try (Network net = Models.load(model, null, e.classes())) {
            long[] shape = {batch, e.channels(), e.height(), e.width()};
            float[] x = Nets.input(shape, 3);
            NoGrad.run(() -> {
                for (int i = 0; i < 3; i++) {
                    Nets.forwardMs(net, x, shape);
                }
            });
            System.out.println(net.parameterCount() + " " + base + " " + Proc.peakRssMb(pid));
        }
    }
}
