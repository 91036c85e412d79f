package org.tinytitans.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Editor responsiveness over real JSON-RPC: both servers run as processes at once, each with an equivalent
 * document open, and every round asks each the same question in turn (ours, then the peer, alternating who
 * goes first), so noise from neighbours lands on both. Then the memory of 100 open specs.
 */
public final class EditorBench {

    /** Per size: op -> {ours, peer} samples (peer null when it does not offer the feature). */
    record Result(int lines, Map<String, Samples[]> ops) {}

    private final Path repo;
    private final Path work;
    private final int runs;
    private final int diagnosticRuns;
    /** Per document size: how many background job runs finished during the job-running rounds, and the load. */
    private final Map<Integer, String> jobNotes = new LinkedHashMap<>();
    static final String JOB_RUNNING = "diagnostics after edit, job running";
    static final String AFTER_BREAK = "completion right after a line break above";

    public EditorBench(Path repo, Path work, int runs, int diagnosticRuns) {
        this.repo = repo;
        this.work = work;
        this.runs = runs;
        this.diagnosticRuns = diagnosticRuns;
    }

    public String run(int[] sizes) throws IOException {
        Files.createDirectories(work);
        Path schema = work.resolve("prune.schema.json");
        Files.writeString(schema, Corpus.schema());
        List<Result> results = new ArrayList<>();
        String memory;
        try (EditorSession ours = Servers.titans(repo, work, List.of()); EditorSession peer = Servers.yaml(repo, work)) {
            ours.initialize(work, Servers.titansOptions());
            peer.initialize(work, null);
            for (int lines : sizes) {
                results.add(measure(ours, peer, lines, schema));
            }
        }
        // Fresh processes, so the large documents above leave nothing behind in the figures.
        try (EditorSession ours = Servers.titans(repo, work, List.of()); EditorSession peer = Servers.yaml(repo, work)) {
            ours.initialize(work, Servers.titansOptions());
            peer.initialize(work, null);
            memory = memory(ours, peer, schema);
        }
        return report(results, memory);
    }

    private Result measure(EditorSession ours, EditorSession peer, int lines, Path schema) throws IOException {
        System.err.println("editor: " + lines + " lines");
        String pruneUri = work.resolve("bench-" + lines + ".prune").toUri().toString();
        String yamlUri = work.resolve("bench-" + lines + ".yaml").toUri().toString();
        ours.open(pruneUri, Corpus.prune(lines));
        peer.open(yamlUri, Corpus.yaml(lines, schema.toUri().toString()));
        Corpus.Probe po = Corpus.pruneProbe(lines), py = Corpus.yamlProbe(lines);
        String ratio = String.valueOf(Corpus.ratio(po.experiment())), other = String.valueOf(Corpus.ratio(po.experiment()) + 1);
        int[] edits = {0};
        // An edit flips the probed experiment's ratio between two valid values, so every version checks clean.
        Op edit = (s, uri, p) -> s.editAndAwaitDiagnostics(uri, p.ratioLine(), p.ratioValueColumn(),
                p.ratioValueColumn() + p.ratioValueLength(), edits[0]++ / 2 % 2 == 0 ? other : ratio);
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("completion", (s, uri, p) -> s.completion(uri, p.criterionLine(), p.criterionValueColumn()));
        ops.put("hover", (s, uri, p) -> s.hover(uri, p.criterionLine(), p.criterionKeyColumn() + 2));
        ops.put("diagnostics after edit", edit);
        ops.put("inlay hints (60-line view)", (s, uri, p) -> s.inlayHints(uri, Math.max(0, p.criterionLine() - 30), p.criterionLine() + 30));
        // A line break typed near the top, then at once completion in the middle: every line below moved, so the
        // server's parse of the new version must be made (ours moves the pieces below; a whole parse before).
        Map<EditorSession, Boolean> broken = new java.util.HashMap<>();
        Op afterBreak = (s, uri, p) -> {
            boolean in = broken.getOrDefault(s, false);
            if (in) {
                s.change(uri, p.breakLine(), 0, p.breakLine() + 1, 0, "");
            } else {
                s.change(uri, p.breakLine(), 0, p.breakLine(), 0, "\n");
            }
            broken.put(s, !in);
            return s.completion(uri, p.criterionLine() + (in ? 0 : 1), p.criterionValueColumn());
        };
        ops.put(AFTER_BREAK, afterBreak);
        Map<String, Samples[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Op> e : ops.entrySet()) {
            boolean peerHas = !e.getKey().startsWith("inlay") || peer.supports("inlayHintProvider");
            // The biggest documents get half the rounds (the peer needs hundreds of ms per request there), except
            // for diagnostics, whose p99 at 10,000 lines is the goal: fewer than 100 samples would make it their maximum.
            int n = e.getValue() == edit ? diagnosticRuns : runs / (lines >= 10000 ? 2 : 1);
            out.put(e.getKey(), rounds(ours, peer, pruneUri, yamlUri, po, py, e.getValue(), n, peerHas));
        }
        // take the line break out again, and let the peer's validations of those versions pass before edits are timed
        for (EditorSession s : List.of(ours, peer)) {
            if (broken.getOrDefault(s, false)) {
                Corpus.Probe p = s == ours ? po : py;
                s.change(s == ours ? pruneUri : yamlUri, p.breakLine(), 0, p.breakLine() + 1, 0, "");
            }
        }
        sleep(2000);
        // The same edits again while a real job runs beside the servers (restarted as soon as it ends).
        int n = diagnosticRuns;
        String load;
        int jobs;
        try (BackgroundJob job = BackgroundJob.start(repo, work.resolve("job"))) {
            String before = loadAverage();
            out.put(JOB_RUNNING, rounds(ours, peer, pruneUri, yamlUri, po, py, edit, n, true));
            job.check();
            load = before + " before, " + loadAverage() + " after";
            jobs = job.finished();
        }
        jobNotes.put(lines, jobs + " job runs finished during the " + n + " rounds; load average " + load);
        return new Result(lines, out);
    }

    /** Rounds of one request on both servers, alternating who goes first, after a 20% warm-up. */
    private static Samples[] rounds(EditorSession ours, EditorSession peer, String pruneUri, String yamlUri, Corpus.Probe po,
                                    Corpus.Probe py, Op op, int n, boolean peerHas) {
        int warm = Math.max(5, n / 5);
        double[] a = new double[n], b = new double[n];
        for (int i = -warm; i < n; i++) {
            double x, y = Double.NaN;
            if (i % 2 == 0 || !peerHas) {
                x = op.run(ours, pruneUri, po);
                if (peerHas) {
                    y = op.run(peer, yamlUri, py);
                }
            } else {
                y = op.run(peer, yamlUri, py);
                x = op.run(ours, pruneUri, po);
            }
            if (i >= 0) {
                a[i] = x;
                b[i] = y;
            }
        }
        return new Samples[] {new Samples("ours", a), peerHas ? new Samples("peer", b) : null};
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "(unknown)";
        }
    }

    @FunctionalInterface
    private interface Op {
        double run(EditorSession s, String uri, Corpus.Probe p);
    }

    /** 100 specs of 100 lines opened in each server (each waited for until checked), then resident memory. */
    private String memory(EditorSession ours, EditorSession peer, Path schema) {
        System.err.println("editor: memory with 100 open documents");
        double oursHeapBefore = Proc.usedHeapAfterGcMb(ours.pid());
        double oursBefore = Proc.rssMb(ours.pid()), peerBefore = Proc.rssMb(peer.pid());
        for (int i = 0; i < 100; i++) {
            ours.open(work.resolve("open-" + i + ".prune").toUri().toString(), Corpus.prune(100));
            peer.open(work.resolve("open-" + i + ".yaml").toUri().toString(), Corpus.yaml(100, schema.toUri().toString()));
        }
        double oursAfter = Proc.rssMb(ours.pid()), peerAfter = Proc.rssMb(peer.pid());
        double oursHeap = Proc.usedHeapAfterGcMb(ours.pid());
        double oursAfterGc = Proc.rssMb(ours.pid());
        Table t = new Table("server", "RSS idle (MiB)", "RSS with 100 open (MiB)", "peak RSS (MiB)", "Java heap in use after full GC (MiB)");
        t.row("titans-server", Table.ms(oursBefore), Table.ms(oursAfter) + " (" + Table.ms(oursAfterGc) + " after the GC)",
                Table.ms(Proc.peakRssMb(ours.pid())), Table.ms(oursHeapBefore) + " idle, " + Table.ms(oursHeap) + " with 100 open");
        t.row("yaml-language-server", Table.ms(peerBefore), Table.ms(peerAfter), Table.ms(Proc.peakRssMb(peer.pid())), "n/a (node)");
        return t.markdown();
    }

    private String report(List<Result> results, String memory) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("## Editor responsiveness (JSON-RPC over stdio)\n\n");
        b.append("Both servers run as processes at the same time, driven by one bare JSON-RPC client (`EditorSession`): ")
                .append("ours is `java -jar server/target/titans-server.jar` (default JVM options, initializationOptions ")
                .append("`{\"runOnSave\": false, \"debounceMs\": 0}`), the peer is yaml-language-server ").append(yamlVersion())
                .append(" under node ").append(nodeVersion()).append(" on an equivalent YAML file with a JSON schema ")
                .append("(modeline) that carries the same enums and descriptions. Each document holds N/20 experiments; the probes hit ")
                .append("the middle one: completion of the `criterion` value, hover on `criterion`, an incremental edit of its ")
                .append("`ratio` value until that version's diagnostics arrive, inlay hints for 60 lines around it, and completion sent right ")
                .append("after a line break is typed (or taken out again) at the top of the second experiment, so that the version it ")
                .append("reads has every line below moved. Rounds alternate ")
                .append("which server goes first. ").append(runs).append(" timed rounds per request (")
                .append(diagnosticRuns).append(" for each diagnostics row at every size; half of the others at 10,000 lines) after a 20% warm-up. Milliseconds, client-side wall time.\n\n");
        b.append("The peer's diagnostics include its fixed 200 ms validation delay (`validationDelayMs`, not configurable); ")
                .append("ours run with the debounce at 0. The column `peer - 200` is the peer's time net of that delay.\n\n");
        b.append("`").append(JOB_RUNNING).append("`: the same edits while a real job runs beside both servers, `")
                .append(String.join(" ", BackgroundJob.command(Path.of("OUT")))).append("` from the repository root (prune, ")
                .append("fine-tune and measure the shipped MNIST CNN on every core; a few seconds a run), started again as soon as it ends. ");
        jobNotes.forEach((lines, note) -> b.append(lines).append(" lines: ").append(note).append(". "));
        b.append("\n\n");
        Table t = new Table("lines", "request", "ours p50", "ours p99", "peer p50", "peer p99", "ours/peer p50", "ours/peer p99");
        for (Result r : results) {
            for (Map.Entry<String, Samples[]> e : r.ops().entrySet()) {
                Samples o = e.getValue()[0], p = e.getValue()[1];
                boolean diag = e.getKey().startsWith("diagnostics");
                if (p == null) {
                    t.row(r.lines(), e.getKey(), Table.ms(o.p50()), Table.ms(o.p99()), "not offered", "not offered", "n/a", "n/a");
                } else if (diag) {
                    t.row(r.lines(), e.getKey(), Table.ms(o.p50()), Table.ms(o.p99()),
                            Table.ms(p.p50()) + " (peer - 200: " + Table.ms(p.p50() - 200) + ")",
                            Table.ms(p.p99()) + " (" + Table.ms(p.p99() - 200) + ")",
                            Table.ratio(o.p50() / p.p50()) + " (net " + Table.ratio(o.p50() / (p.p50() - 200)) + ")",
                            Table.ratio(o.p99() / p.p99()) + " (net " + Table.ratio(o.p99() / (p.p99() - 200)) + ")");
                } else {
                    t.row(r.lines(), e.getKey(), Table.ms(o.p50()), Table.ms(o.p99()), Table.ms(p.p50()), Table.ms(p.p99()),
                            Table.ratio(o.p50() / p.p50()), Table.ratio(o.p99() / p.p99()));
                }
            }
        }
        b.append(t.markdown()).append("\n");
        Result big = results.get(results.size() - 1);
        List<String> over = new ArrayList<>();
        big.ops().forEach((k, v) -> {
            if (v[0].p99() >= 20) {
                over.add(k + " (" + Table.ms(v[0].p99()) + " ms)");
            }
        });
        b.append("Goal (p99 under 20 ms at ").append(big.lines()).append(" lines): ")
                .append(over.isEmpty() ? "met for every request." : "NOT met for " + String.join(", ", over) + ".").append("\n\n");
        b.append("### Server memory with 100 open specs\n\n");
        b.append("A fresh pair of servers: idle after `initialize` (ours after a full GC), then with 100 documents of 100 lines ")
                .append("each (the YAML twins for the peer) opened over JSON-RPC, each waited for until its diagnostics arrived. ")
                .append("RSS from /proc/PID/status; the Java heap from `jcmd PID GC.run` + `GC.heap_info` (default heap sizing, ")
                .append("so RSS mostly reflects how much heap the JVM chose to keep, not what the documents need).\n\n");
        b.append(memory).append("\n");
        return b.toString();
    }

    private String yamlVersion() {
        try {
            String pkg = Files.readString(repo.resolve("bench/peers/node_modules/yaml-language-server/package.json"));
            return com.google.gson.JsonParser.parseString(pkg).getAsJsonObject().get("version").getAsString();
        } catch (IOException | RuntimeException e) {
            return "(unknown version)";
        }
    }

    static String nodeVersion() {
        try {
            return Proc.run(List.of("node", "--version")).trim();
        } catch (IOException e) {
            return "(unknown)";
        }
    }
}
