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
 * Start-up: process start to the answer of {@code initialize} (ours, ours with an AppCDS archive, the peer), and
 * the wall time of {@code titans-cli check} with and without AppCDS. Variants are interleaved round by round.
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

    public String run() throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path spec = repo.resolve("samples/quickstart.prune");
        Path serverJsa = work.resolve("titans-server.jsa");
        Path cliJsa = work.resolve("titans-cli.jsa");
        Files.deleteIfExists(serverJsa);
        Files.deleteIfExists(cliJsa);
        // The launcher rebuilds the CLI (and the server jar with it) when sources are newer than its last build.
        // Let it do so now: a jar rebuilt after the dump makes the JVM reject the archive.
        System.err.println("startup: ./titans-cli check once (it rebuilds the jars first if sources changed)");
        script(spec);
        System.err.println("startup: dumping AppCDS archives");
        long t0 = System.nanoTime();
        trainServer(cds("-XX:ArchiveClassesAtExit=" + serverJsa));
        double serverDumpS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        check(cds("-XX:ArchiveClassesAtExit=" + cliJsa), spec);
        double cliDumpS = (System.nanoTime() - t0) / 1e9;
        boolean serverArchived = Files.isRegularFile(serverJsa), cliArchived = Files.isRegularFile(cliJsa);

        long rejectedBefore = rejections();
        Map<String, double[]> init = new LinkedHashMap<>();
        init.put("titans-server", new double[rounds]);
        init.put("titans-server + AppCDS", new double[rounds]);
        init.put("yaml-language-server", new double[rounds]);
        Map<String, double[]> checks = new LinkedHashMap<>();
        checks.put("java -jar titans-cli.jar check", new double[rounds]);
        checks.put("java -XX:SharedArchiveFile=... -jar titans-cli.jar check", new double[rounds]);
        checks.put("./titans-cli check (launcher script)", new double[rounds]);
        for (int r = -1; r < rounds; r++) { // round -1 warms the page cache and is dropped
            System.err.println("startup: round " + (r + 1) + " of " + rounds);
            double a = initialize(List.of()), b = serverArchived ? initialize(cds("-XX:SharedArchiveFile=" + serverJsa)) : Double.NaN;
            double c = initializePeer();
            double d = check(List.of(), spec), e = cliArchived ? check(cds("-XX:SharedArchiveFile=" + cliJsa), spec) : Double.NaN;
            double f = script(spec);
            if (r >= 0) {
                init.get("titans-server")[r] = a;
                init.get("titans-server + AppCDS")[r] = b;
                init.get("yaml-language-server")[r] = c;
                checks.get("java -jar titans-cli.jar check")[r] = d;
                checks.get("java -XX:SharedArchiveFile=... -jar titans-cli.jar check")[r] = e;
                checks.get("./titans-cli check (launcher script)")[r] = f;
            }
        }
        long rejected = rejections() - rejectedBefore;
        StringBuilder md = new StringBuilder("## Start-up\n\n");
        md.append("Process start to the `initialize` answer (a fresh process per sample), and the wall time of checking ")
                .append("`samples/quickstart.prune`; ").append(rounds).append(" interleaved rounds after one dropped warm-up round. ")
                .append("AppCDS archives are dumped first by one run each with `-XX:ArchiveClassesAtExit` (server: initialize, open, ")
                .append("completion, hover, inlay hints, shutdown; ").append(Table.num("%.1f", serverDumpS)).append(" s; CLI: one check, ")
                .append(Table.num("%.1f", cliDumpS)).append(" s). JDK ").append(System.getProperty("java.version"))
                .append(" (its default CDS archive of JDK classes is on in every row). AppCDS cannot archive classes from signed jars: ")
                .append("LSP4J's jars are signed, so the server's archive leaves them out (the dump logs `Skipping ...: Signed JAR`).\n\n");
        Table t = new Table("what", "p50 (ms)", "min (ms)", "max (ms)", "vs first row (p50)");
        table(t, init);
        table(t, checks);
        md.append(t.markdown()).append("\n");
        Samples plain = new Samples("a", checks.get("java -jar titans-cli.jar check"));
        Samples cds = cliArchived ? new Samples("b", checks.get("java -XX:SharedArchiveFile=... -jar titans-cli.jar check")) : null;
        Samples splain = new Samples("c", init.get("titans-server"));
        Samples scds = serverArchived ? new Samples("d", init.get("titans-server + AppCDS")) : null;
        if (rejected > 0) {
            md.append("**The JVM rejected an AppCDS archive ").append(rejected).append(" times during the rounds** (a jar was rebuilt ")
                    .append("after the dump, e.g. by another build on this machine), so the AppCDS rows below measure no archive.\n\n");
        } else {
            md.append("Every AppCDS start mapped its archive (no `failed to load` in the JVM logs).\n\n");
        }
        md.append("AppCDS: `check` ").append(cds == null ? "archive not created" : Table.ratio(cds.p50() / plain.p50()))
                .append(" of the plain time, server `initialize` ").append(scds == null ? "archive not created" : Table.ratio(scds.p50() / splain.p50()))
                .append(" (below x1.00 = faster).\n\n");
        return md.toString();
    }

    /** How often the JVM logs so far said an archive failed to load. */
    private long rejections() throws IOException {
        long n = 0;
        for (String log : new String[] {"startup-titans.stderr.log", "startup-check.log"}) {
            Path p = work.resolve(log);
            if (Files.isRegularFile(p)) {
                try (var lines = Files.lines(p)) {
                    n += lines.filter(l -> l.contains("failed to load")).count();
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

    private double initialize(List<String> jvm) throws IOException {
        long t = System.nanoTime();
        try (EditorSession s = EditorSession.start("titans-server", "prune", Servers.titansCommand(repo, jvm), Map.of(),
                Servers.log(work, "startup-titans"))) {
            s.initialize(work, Servers.titansOptions());
            return (System.nanoTime() - t) / 1e6;
        }
    }

    private double initializePeer() throws IOException {
        long t = System.nanoTime();
        try (EditorSession s = Servers.yaml(repo, work)) {
            s.initialize(work, null);
            return (System.nanoTime() - t) / 1e6;
        }
    }

    /** A short editing session, so the archive holds the classes a real session loads. */
    private void trainServer(List<String> jvm) throws IOException {
        try (EditorSession s = EditorSession.start("titans-server", "prune", Servers.titansCommand(repo, jvm), Map.of(),
                Servers.log(work, "startup-titans"))) {
            s.initialize(work, Servers.titansOptions());
            String uri = work.resolve("train.prune").toUri().toString();
            s.open(uri, Corpus.prune(100));
            Corpus.Probe p = Corpus.pruneProbe(100);
            s.completion(uri, p.criterionLine(), p.criterionValueColumn());
            s.hover(uri, p.criterionLine(), p.criterionKeyColumn() + 2);
            s.inlayHints(uri, 0, 100);
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
