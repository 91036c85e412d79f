package org.tinytitans.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.graph.GraphJson;
import org.tinytitans.engine.latency.ThreadSettings;
import org.tinytitans.engine.model.Models;
import org.tinytitans.engine.model.InferenceForm;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.onnx.OnnxExport;
import org.tinytitans.engine.onnx.OnnxRuntimeModel;
import org.tinytitans.engine.train.NoGrad;

/**
 * Our engine against python3-torch 1.13 and ONNX Runtime on the same dense and pruned ResNet-56, side by side in
 * one run: the pruned widths and weights are exported (graph JSON + safetensors) and rebuilt by the peer, and
 * exported as ONNX (the engine's own exporter) for ONNX Runtime in this JVM; outputs are checked against ours,
 * then every round times each (model, runtime) once, rotating the order.
 */
public final class PeerBench {

    private static final List<String> MODES = List.of("ours", "onnxruntime", "eager", "traced", "frozen");
    private final Path repo;
    private final Path work;
    private final boolean quick;

    public PeerBench(Path repo, Path work, boolean quick) {
        this.repo = repo;
        this.work = work;
        this.quick = quick;
    }

    public String run() throws IOException {
        Files.createDirectories(work);
        ThreadSettings threads = ThreadSettings.current();
        Map<String, Network> models = new LinkedHashMap<>();
        Map<String, OnnxRuntimeModel> ort = new LinkedHashMap<>();
        Network dense = Nets.resnet(repo, 56);
        models.put("dense", dense);
        models.put("pruned 50%", Nets.pruneL1(dense, 0.5));
        String bind = System.getenv("OMP_PROC_BIND");
        StringBuilder md = new StringBuilder("## Engine against a peer runtime (python3-torch), OpenMP threads "
                + (bind == null ? "not pinned (OMP_PROC_BIND unset)" : "pinned (OMP_PROC_BIND=" + bind + ")") + "\n\n");
        try (TorchPeer peer = new TorchPeer(repo, threads.intraOpThreads(), work.resolve("torch-peer.stderr.log"))) {
            var info = peer.call(Map.of("cmd", "info"));
            md.append("Ours: DJL 0.36 / PyTorch 2.7.1 (libtorch from Maven Central), ").append(threads.intraOpThreads())
                    .append(" intra-op / ").append(threads.interOpThreads()).append(" inter-op threads. Peer: Debian python3-torch ")
                    .append(info.get("torch").getAsString()).append(" (Python ").append(info.get("python").getAsString()).append(", ")
                    .append(info.get("threads").getAsInt()).append(" intra-op / ").append(info.get("interop").getAsInt())
                    .append(" inter-op threads, oneDNN ").append(info.get("mkldnn").getAsBoolean() ? "on" : "off")
                    .append(", libopenblas0 installed), started by the benchmark JVM with the same environment: `")
                    .append(threads.settings()).append("`. OMP_WAIT_POLICY is left at its default here on purpose: with `active`, ")
                    .append("the idle process's OpenMP threads would spin while the other one is being timed. ONNX Runtime ")
                    .append(OnnxRuntimeModel.version()).append(" (Java API, CPU execution provider, all graph optimisations, ")
                    .append(threads.intraOpThreads()).append(" intra-op / 1 inter-op threads; its own thread pool, not OpenMP) runs in the ")
                    .append("benchmark JVM on the model files `titans-cli export` writes (opset 17).\n\n");
            md.append("Both sides run the same architecture: the engine exports each network's graph JSON and safetensors, ")
                    .append("`bench/peers/torch_peer.py` rebuilds it layer by layer with torch.nn.functional. Peer modes: eager; ")
                    .append("traced (`torch.jit.trace`); frozen (trace + `torch.jit.freeze`, which folds batch norms into the convolutions). ")
                    .append("Same-output check on a batch of 2 (max |ours - peer| and |ours - onnxruntime| over the logits):\n\n");
            Table check = new Table("model", "MACs/sample", "params", "max abs diff (peer)", "max abs diff (onnxruntime)", "max abs logit");
            for (Map.Entry<String, Network> e : models.entrySet()) {
                String name = e.getKey().replaceAll("[^a-z0-9]", "");
                Path graph = work.resolve(name + ".graph.json"), weights = work.resolve(name + ".safetensors");
                Files.writeString(graph, GraphJson.write(e.getValue().graph()));
                Models.saveSafetensors(e.getValue(), weights);
                peer.call(Map.of("cmd", "load", "name", e.getKey(), "graph", graph.toString(), "weights", weights.toString()));
                long[] shape = {2, 3, 32, 32};
                float[] x = Nets.input(shape, 11);
                Path input = write(work.resolve(name + ".input.f32"), x);
                Path expected = write(work.resolve(name + ".expected.f32"), NoGrad.call(() -> Nets.logits(e.getValue(), x, shape)));
                var r = peer.call(Map.of("cmd", "check", "name", e.getKey(), "input", input.toString(), "shape", shape, "expected", expected.toString()));
                OnnxRuntimeModel o = new OnnxRuntimeModel(OnnxExport.model(e.getValue()).toByteArray(), threads.intraOpThreads());
                ort.put(e.getKey(), o);
                float[] ours = NoGrad.call(() -> Nets.logits(e.getValue(), x, shape));
                float[] theirs = o.run(x, shape);
                double ortDiff = 0;
                for (int i = 0; i < ours.length; i++) {
                    ortDiff = Math.max(ortDiff, Math.abs(ours[i] - theirs[i]));
                }
                check.row(e.getKey(), Table.num("%.1f M", e.getValue().graph().counts().macs() / 1e6), e.getValue().parameterCount(),
                        Table.num("%.2g", r.get("maxAbsDiff").getAsDouble()), Table.num("%.2g", ortDiff), Table.num("%.3g", r.get("maxAbs").getAsDouble()));
            }
            md.append(check.markdown()).append("\n");
            for (int batch : new int[] {1, 128}) {
                System.err.println("peer: batch " + batch);
                int runs = batch == 1 ? (quick ? 10 : 40) : (quick ? 3 : 10);
                Map<String, Samples> t = rounds(peer, ort, models, batch, runs, batch == 1 ? 5 : 3);
                Table table = new Table("model", "ours p50 (ms)", "onnxruntime p50", "eager p50", "traced p50", "frozen p50",
                        "ours/onnxruntime", "ours/eager", "ours/traced", "ours/frozen", "ours/frozen (paired)");
                for (String m : models.keySet()) {
                    Samples o = t.get(m + "|ours");
                    table.row(m, Table.ms(o.p50()), Table.ms(t.get(m + "|onnxruntime").p50()), Table.ms(t.get(m + "|eager").p50()),
                            Table.ms(t.get(m + "|traced").p50()), Table.ms(t.get(m + "|frozen").p50()),
                            Table.ratio(o.ratioTo(t.get(m + "|onnxruntime"))), Table.ratio(o.ratioTo(t.get(m + "|eager"))),
                            Table.ratio(o.ratioTo(t.get(m + "|traced"))), Table.ratio(o.ratioTo(t.get(m + "|frozen"))),
                            Table.ratio(t.get(m + "|frozen").pairedSpeedupOver(o)));
                }
                Table speed = new Table("runtime", "dense p50 (ms)", "pruned 50% p50 (ms)", "structured speed-up (p50)",
                        "structured speed-up (paired)", "FLOPs ratio");
                double flops = (double) dense.graph().counts().macs() / models.get("pruned 50%").graph().counts().macs();
                for (String mode : MODES) {
                    Samples d = t.get("dense|" + mode), p = t.get("pruned 50%|" + mode);
                    speed.row(mode.equals("ours") ? "ours (DJL)" : mode.equals("onnxruntime") ? "onnxruntime " + OnnxRuntimeModel.version() : "python3-torch " + mode, Table.ms(d.p50()), Table.ms(p.p50()),
                            Table.ratio(d.p50() / p.p50()), Table.ratio(p.pairedSpeedupOver(d)), Table.ratio(flops));
                }
                md.append("### Batch ").append(batch).append(" (").append(runs).append(" interleaved rounds; ours/peer below x1.00 = ours faster)\n\n")
                        .append(table.markdown()).append("\n").append(speed.markdown()).append("\n");
            }
        } finally {
            models.values().forEach(Network::close);
            ort.values().forEach(OnnxRuntimeModel::close);
        }
        md.append("Goal: ours/peer at most x1.00, and a structured speed-up at least the peer's at equal MACs. ")
                .append("`ours/onnxruntime` compares the engine with the runtime `latency { runtime onnxruntime }` uses.\n\n");
        return md.toString();
    }

    private Map<String, Samples> rounds(TorchPeer peer, Map<String, OnnxRuntimeModel> ort, Map<String, Network> models, int batch,
                                        int runs, int warmup) throws IOException {
        long[] shape = {batch, 3, 32, 32};
        float[] x = Nets.input(shape, 7);
        List<String> keys = new ArrayList<>();
        for (String m : models.keySet()) {
            for (String mode : MODES) {
                keys.add(m + "|" + mode);
            }
        }
        Map<String, double[]> ms = new LinkedHashMap<>();
        keys.forEach(k -> ms.put(k, new double[runs]));
        // ours as a job times it: the deployed form, batch norms folded (as the peer's frozen mode does)
        Map<String, InferenceForm> forms = new LinkedHashMap<>();
        models.forEach((name, net) -> forms.put(name, InferenceForm.of(net)));
        boolean[] previous = {false};
        for (int round = -warmup; round < runs; round++) {
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get(Math.floorMod(round + i, keys.size()));
                String model = k.substring(0, k.indexOf('|')), mode = k.substring(k.indexOf('|') + 1);
                double t = mode.equals("ours") ? NoGrad.call(() -> Nets.forwardMs(forms.get(model).block(), x, shape))
                        : mode.equals("onnxruntime") ? ort.get(model).timeOnce(x, shape) : peer.time(model, mode, batch);
                if (round >= 0) {
                    ms.get(k)[round] = t;
                }
            }
        }
        forms.values().forEach(InferenceForm::close);
        Map<String, Samples> out = new LinkedHashMap<>();
        ms.forEach((k, v) -> out.put(k, new Samples(k, v)));
        return out;
    }

    private static Path write(Path file, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(file, b.array());
        return file;
    }
}
