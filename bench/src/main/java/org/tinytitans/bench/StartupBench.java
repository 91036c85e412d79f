package org.tinytitans.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: from process start to the first useful answers (initialize, then on a 10,000-line document the first
 * diagnostics, completion and hover), ours by each route an editor starts it against the peer; and the wall time of
 * {@code titans-cli check} with and without AppCDS. Variants are interleaved round by round.
 */
public final class StartupBench {

    private final Path repo;
    private final Path work;
    private final int rounds;

    public StartupBench(Path repo, Path work, int rounds) {
        this.repo = repo;
        this.work = work;
        this.rounds = rounds;
    }

    /** One fresh server: process start to each first answer, on a document of {@link #LINES} lines. */
    record First(double initialize, double diagnostics, double completion, double hover, double total, double warmCompletion,
                 double warmHover) {}

    /** Requests after the first ones, in the same process: their median is the warm time the first ones are compared to. */
    static final int WARM_REQUESTS = 15;

    /** The size of the document of the first answers (the size of the aim, "first completion and hover on 10,000 lines"). */
    static final int LINES = 10000;

    /** How each server under test is started; the last is the peer. */
    private record Variant(String name, boolean peer, List<String> command) {}

    public String run() throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path spec = repo.resolve("samples/quickstart.prune");
        Path cliJsa = work.resolve("titans-cli.jsa");
        Files.deleteIfExists(cliJsa);
        Path schema = work.resolve("prune.schema.json");
        Files.writeString(schema, Corpus.schema());
        // The launcher rebuilds the CLI (and the server jar with it) when sources are newer than its last build.
        // Let it do so now: a jar rebuilt after an archive is made makes the JVM reject the archive.
        System.err.println("startup: ./titans-cli check once (it rebuilds the jars first if sources changed)");
        script(spec);
        // The archives of the editor routes are the product's own: the server makes one after its first session when
        // -Dtitans.cds.archive names a missing file (StartupArchive). One session per route makes them, as a first use would.
        Path launcherJsa = repo.resolve("cli/target/titans-cli-lsp.jsa");
        Path extensionJsa = work.resolve("vscode-storage/titans-server.jsa");
        Files.deleteIfExists(launcherJsa);
        Files.deleteIfExists(extensionJsa);
        List<String> launcher = List.of(repo.resolve("titans-cli").toString(), "lsp");
        List<String> extensionFirst = Servers.titansCommand(repo, List.of("-Dtitans.cds.archive=" + extensionJsa));
        long t0 = System.nanoTime();
        firstUse(launcher, launcherJsa);
        firstUse(extensionFirst, extensionJsa);
        double madeS = (System.nanoTime() - t0) / 1e9;
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("`titans-cli lsp` (launcher script, its archive)", false, launcher));
        variants.add(new Variant("`java -jar titans-server.jar` as the VS Code extension starts it (its archive)", false,
                Servers.titansCommand(repo, extensionArchive(extensionJsa))));
        List<String> warmUpOff = new ArrayList<>(extensionArchive(extensionJsa));
        warmUpOff.add("-Dtitans.warmup=false");
        variants.add(new Variant("the same, warm-up off (`-Dtitans.warmup=false`)", false, Servers.titansCommand(repo, warmUpOff)));
        variants.add(new Variant("`java -jar titans-server.jar`, no archive", false, Servers.titansCommand(repo, List.of())));
        variants.add(new Variant("yaml-language-server", true, Servers.yamlCommand(repo)));

        System.err.println("startup: dumping the CLI's AppCDS archive (check)");
        t0 = System.nanoTime();
        check(cds("-XX:ArchiveClassesAtExit=" + cliJsa), spec);
        double cliDumpS = (System.nanoTime() - t0) / 1e9;
        boolean cliArchived = Files.isRegularFile(cliJsa);

        long rejectedBefore = rejections();
        Map<String, First[]> firsts = new LinkedHashMap<>();
        variants.forEach(v -> firsts.put(v.name(), new First[rounds]));
        Map<String, double[]> checks = new LinkedHashMap<>();
        checks.put("java -jar titans-cli.jar check", new double[rounds]);
        checks.put("java -XX:SharedArchiveFile=... -jar titans-cli.jar check", new double[rounds]);
        checks.put("./titans-cli check (launcher script)", new double[rounds]);
        for (int r = -1; r < rounds; r++) { // round -1 warms the page cache and is dropped
            System.err.println("startup: round " + (r + 1) + " of " + rounds + " (load average " + EditorBench.loadAverage() + ")");
            // who goes first turns round by round, so a slow phase of the machine does not always hit the same one
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + Math.max(r, 0)) % variants.size());
                First f = first(v, schema);
                if (r >= 0) firsts.get(v.name())[r] = f;
            }
            double d = check(List.of(), spec), e = cliArchived ? check(cds("-XX:SharedArchiveFile=" + cliJsa), spec) : Double.NaN;
            double f = script(spec);
            if (r >= 0) {
                checks.get("java -jar titans-cli.jar check")[r] = d;
                checks.get("java -XX:SharedArchiveFile=... -jar titans-cli.jar check")[r] = e;
                checks.get("./titans-cli check (launcher script)")[r] = f;
            }
        }
        long rejected = rejections() - rejectedBefore;
        return report(firsts, checks, rejected, madeS, cliDumpS, cliArchived);
    }

    /** The options the VS Code extension adds once its archive exists (vscode-extension/src/client/serverCommand.ts). */
    static List<String> extensionArchive(Path jsa) {
        List<String> o = new ArrayList<>(cds("-XX:SharedArchiveFile=" + jsa));
        o.add("-Dtitans.cds.archive=" + jsa);
        return o;
    }

    /** A first session on a route: initialize, one request, then wait until the server has made its archive. */
    private void firstUse(List<String> command, Path archive) throws IOException, InterruptedException {
        System.err.println("startup: first use of " + String.join(" ", command) + " (the server makes " + archive.getFileName() + ")");
        try (EditorSession s = EditorSession.start("titans-server", "prune", command, Map.of(), Servers.log(work, "startup-titans"))) {
            s.initialize(work, Servers.titansOptions());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!Files.isRegularFile(archive)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the server made no archive " + archive + " within 5 minutes (see " + work.resolve("startup-titans.stderr.log") + ")");
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * A fresh server: process start until the `initialize` answer; then the document opened until its first
     * diagnostics; then at once the first completion and the first hover (each timed alone); total from process start.
     */
    private First first(Variant v, Path schema) throws IOException {
        long t = System.nanoTime();
        try (EditorSession s = v.peer() ? EditorSession.start("yaml-language-server", "yaml", v.command(), Map.of(), Servers.log(work, "startup-yaml"))
                : EditorSession.start("titans-server", "prune", v.command(), Map.of(), Servers.log(work, "startup-titans"))) {
            s.initialize(work, v.peer() ? null : Servers.titansOptions());
            double init = (System.nanoTime() - t) / 1e6;
            Corpus.Probe p = v.peer() ? Corpus.yamlProbe(LINES) : Corpus.pruneProbe(LINES);
            String uri = work.resolve("first-" + LINES + (v.peer() ? ".yaml" : ".prune")).toUri().toString();
            double diagnostics = s.open(uri, v.peer() ? Corpus.yaml(LINES, schema.toUri().toString()) : Corpus.prune(LINES));
            double completion = s.completion(uri, p.criterionLine(), p.criterionValueColumn());
            double hover = s.hover(uri, p.criterionLine(), p.criterionKeyColumn() + 2);
            double total = (System.nanoTime() - t) / 1e6;
            double[] c = new double[WARM_REQUESTS], h = new double[WARM_REQUESTS];
            for (int i = 0; i < WARM_REQUESTS; i++) {
                c[i] = s.completion(uri, p.criterionLine(), p.criterionValueColumn());
                h[i] = s.hover(uri, p.criterionLine(), p.criterionKeyColumn() + 2);
            }
            return new First(init, diagnostics, completion, hover, total, new Samples("c", c).p50(), new Samples("h", h).p50());
        }
    }

    private String report(Map<String, First[]> firsts, Map<String, double[]> checks, long rejected, double madeS, double cliDumpS,
                          boolean cliArchived) {
        StringBuilder md = new StringBuilder("## Start-up\n\n");
        md.append("### To the first useful answer\n\n");
        md.append("A fresh process per sample, ").append(rounds).append(" interleaved rounds (the order of the servers turns each round) ")
                .append("after one dropped warm-up round. `initialize`: process start to its answer. Then a document of ")
                .append(String.format(java.util.Locale.ROOT, "%,d", LINES)).append(" lines is opened (the YAML twin for the peer, ")
                .append("as in the editor suite): `first diagnostics` is didOpen to its first publishDiagnostics; right after them, ")
                .append("the first completion (the `criterion` value) and the first hover (on `criterion`), each from request to answer; ")
                .append("`total` is process start to the hover's answer. Ours runs with initializationOptions `{\"debounceMs\": 0}`; ")
                .append("the peer's diagnostics include its fixed 200 ms validation delay. Our archives are the product's own: before the ")
                .append("rounds, one session per route made them as a first use does (the server dumps its archive in a child JVM ")
                .append("after its warm-up; ").append(Table.num("%.0f", madeS)).append(" s for both routes).\n\n");
        md.append("`first/warm`: the median over rounds of the first completion (hover) over the median of the ").append(WARM_REQUESTS)
                .append(" asked right after it in the same process: a ratio that the machine's load inflates far less than the times. ")
                .append("`warm-up off` is the extension's command with `-Dtitans.warmup=false`: what the background warm-up buys.\n\n");
        Table t = new Table("server", "initialize p50", "max", "first diagnostics p50", "first completion p50", "max", "first/warm",
                "first hover p50", "max", "first/warm", "total p50");
        First[] peer = null;
        for (Map.Entry<String, First[]> e : firsts.entrySet()) {
            First[] f = e.getValue();
            Samples init = pick(e.getKey(), f, First::initialize), diag = pick(e.getKey(), f, First::diagnostics),
                    comp = pick(e.getKey(), f, First::completion), hov = pick(e.getKey(), f, First::hover), tot = pick(e.getKey(), f, First::total);
            t.row(e.getKey(), Table.ms(init.p50()), Table.ms(init.max()), Table.ms(diag.p50()), Table.ms(comp.p50()), Table.ms(comp.max()),
                    Table.ratio(ratios(f, First::completion, First::warmCompletion)), Table.ms(hov.p50()), Table.ms(hov.max()),
                    Table.ratio(ratios(f, First::hover, First::warmHover)), Table.ms(tot.p50()));
            peer = f;
        }
        md.append(t.markdown()).append("\n");
        Samples peerInit = pick("peer", peer, First::initialize);
        md.append("Ours over the peer (p50): ");
        for (Map.Entry<String, First[]> e : firsts.entrySet()) {
            if (e.getValue() == peer) continue;
            md.append(e.getKey()).append(": initialize ").append(Table.ratio(pick("", e.getValue(), First::initialize).p50() / peerInit.p50()))
                    .append(", total ").append(Table.ratio(pick("", e.getValue(), First::total).p50() / pick("", peer, First::total).p50())).append("; ");
        }
        md.setLength(md.length() - 2);
        md.append(".\n\n");
        md.append("Aims (issue 16): `initialize` under 500 ms p50 through the launcher and the extension's command: ");
        List<String> aims = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, First[]> e : firsts.entrySet()) {
            if (i++ >= 2) break;
            Samples init = pick("", e.getValue(), First::initialize), comp = pick("", e.getValue(), First::completion),
                    hov = pick("", e.getValue(), First::hover);
            aims.add(e.getKey() + " " + (init.p50() < 500 ? "met" : "NOT met") + " (" + Table.ms(init.p50()) + " ms), first completion "
                    + (comp.p50() < 30 ? "met" : "NOT met") + " (" + Table.ms(comp.p50()) + " ms p50, " + Table.ms(comp.max()) + " max), first hover "
                    + (hov.p50() < 30 ? "met" : "NOT met") + " (" + Table.ms(hov.p50()) + " ms p50, " + Table.ms(hov.max()) + " max)");
        }
        md.append(String.join("; ", aims)).append(" (first completion and hover under 30 ms, p50 here).\n\n");
        if (rejected > 0) {
            md.append("**The JVM rejected an AppCDS archive ").append(rejected).append(" times during the rounds** (a jar was rebuilt ")
                    .append("after the archive was made, e.g. by another build on this machine), so those starts ran without one.\n\n");
        } else {
            md.append("Every start that named an archive mapped it (no `failed to load` or `Unable to use shared archive` in the JVM logs).\n\n");
        }
        md.append("### `titans-cli check`\n\n");
        md.append("The wall time of checking `samples/quickstart.prune`, interleaved with the rounds above. The CLI's archive is ")
                .append("dumped first by one run with `-XX:ArchiveClassesAtExit` (").append(Table.num("%.1f", cliDumpS)).append(" s). JDK ")
                .append(System.getProperty("java.version")).append(" (its default CDS archive of JDK classes is on in every row).\n\n");
        Table c = new Table("what", "p50 (ms)", "min (ms)", "max (ms)", "vs first row (p50)");
        table(c, checks);
        md.append(c.markdown()).append("\n");
        Samples plain = new Samples("a", checks.get("java -jar titans-cli.jar check"));
        Samples cds = cliArchived ? new Samples("b", checks.get("java -XX:SharedArchiveFile=... -jar titans-cli.jar check")) : null;
        md.append("AppCDS: `check` ").append(cds == null ? "archive not created" : Table.ratio(cds.p50() / plain.p50()))
                .append(" of the plain time (below x1.00 = faster).\n\n");
        return md.toString();
    }

    /** The median over rounds of first / warm. */
    private static double ratios(First[] f, java.util.function.ToDoubleFunction<First> first, java.util.function.ToDoubleFunction<First> warm) {
        double[] r = new double[f.length];
        for (int i = 0; i < f.length; i++) r[i] = first.applyAsDouble(f[i]) / warm.applyAsDouble(f[i]);
        return new Samples("first/warm", r).p50();
    }

    private static Samples pick(String name, First[] f, java.util.function.ToDoubleFunction<First> g) {
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) v[i] = g.applyAsDouble(f[i]);
        return new Samples(name, v);
    }

    /** How often the JVM logs so far said an archive failed to load. */
    private long rejections() throws IOException {
        long n = 0;
        for (String log : new String[] {"startup-titans.stderr.log", "startup-check.log"}) {
            Path p = work.resolve(log);
            if (Files.isRegularFile(p)) {
                try (var lines = Files.lines(p)) {
                    n += lines.filter(l -> l.contains("failed to load") || l.contains("Unable to use shared archive")).count();
                }
            }
        }
        return n;
    }

    /**
     * A CDS option plus logging that keeps the JVM's CDS warnings (a stale archive, signed jars skipped) off stdout,
     * where they would corrupt JSON-RPC.
     */
    static List<String> cds(String option) {
        return List.of(option, "-Xlog:disable", "-Xlog:all=warning:stderr");
    }

    private static void table(Table t, Map<String, double[]> rows) {
        Samples first = null;
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            if (Double.isNaN(e.getValue()[0])) {
                t.row(e.getKey(), "not run", "", "", "");
                continue;
            }
            Samples s = new Samples(e.getKey(), e.getValue());
            if (first == null) {
                first = s;
            }
            t.row(e.getKey(), Table.ms(s.p50()), Table.ms(s.min()), Table.ms(s.max()), Table.ratio(s.p50() / first.p50()));
        }
    }

    private double check(List<String> jvm, Path spec) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(Servers.javaBin(), "-Dai.djl.offline=true"));
        c.addAll(jvm);
        c.addAll(List.of("-jar", repo.resolve("cli/target/titans-cli.jar").toString(), "check", spec.toString()));
        return time(c, Map.of());
    }

    private double script(Path spec) throws IOException, InterruptedException {
        return time(List.of(repo.resolve("titans-cli").toString(), "check", spec.toString()), Map.of());
    }

    private double time(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("startup-check.log").toFile()));
        pb.environment().putAll(env);
        long t = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish in 120 s");
        }
        double ms = (System.nanoTime() - t) / 1e6;
        if (p.exitValue() != 0) {
            throw new IOException(command + " exited with " + p.exitValue() + " (see " + work.resolve("startup-check.log") + ")");
        }
        return ms;
    }
}
