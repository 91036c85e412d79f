package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * Gets a remote side ready for a job: resolves the workdir, finds a compatible titans-cli there or installs
 * the project's own build, and uploads what a spec needs into the content-addressed cache
 * (&lt;workdir&gt;/cache/&lt;sha256&gt;, checked before uploading, so each file travels once).
 */
final class Staging {
    static final String DEFAULT_WORKDIR = "~/.tinytitans";
    static final int MIN_JAVA = 17;
    private static final Duration PROBE = Duration.ofMinutes(2);
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?");
    private static final Pattern JAVA_VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?");

    /** A ready remote side: its absolute workdir and the argv that runs titans-cli there. */
    record Prepared(String workdir, List<String> titans) {}

    private final Transport transport;
    private final RemoteConfig config;
    private final Consumer<JobEvent> log;

    Staging(Transport transport, RemoteConfig config, Consumer<JobEvent> log) {
        this.transport = transport;
        this.config = config;
        this.log = log == null ? e -> { } : log;
    }

    private void info(String message) {
        log.accept(new JobEvent.Log("info", message));
    }

    /** Only the workdir, for re-attaching to a job. */
    String workdir(TargetSpec target) throws IOException {
        String w = RemotePaths.workdirWord(target.workdir() == null ? DEFAULT_WORKDIR : target.workdir());
        Exec.Result r = transport.check("finding the workdir", "cd " + w + " && pwd -P", PROBE);
        return RemotePaths.absolute(r.out().strip());
    }

    Prepared prepare(TargetSpec target) throws IOException {
        String w = RemotePaths.workdirWord(target.workdir() == null ? DEFAULT_WORKDIR : target.workdir());
        String titans = target.titans() != null ? target.titans() : "titans-cli";
        String java = target.java() != null ? target.java() : "java";
        String tq = ShellQuote.quote(titans);
        String jq = ShellQuote.quote(java);
        String script = String.join("\n",
                "W=" + w,
                "mkdir -p \"$W\"/cache \"$W\"/jobs \"$W\"/titans-cli && cd \"$W\" || exit 3",
                "echo \"workdir=$(pwd -P)\"",
                "if command -v " + tq + " >/dev/null 2>&1; then echo \"titans=$(" + tq + " --version 2>/dev/null | head -n 1)\"; else echo titans=missing; fi",
                "if command -v " + jq + " >/dev/null 2>&1; then echo \"java=$(" + jq + " -version 2>&1 | head -n 1)\"; else echo java=missing; fi",
                "if command -v setsid >/dev/null 2>&1; then echo setsid=yes; else echo setsid=no; fi");
        Exec.Result r = transport.run(script, PROBE);
        if (r.exit() == 3) throw new RemoteException("cannot create the workdir " + RemoteNames.show(target.workdir() == null ? DEFAULT_WORKDIR : target.workdir())
                + " on " + transport.where() + ": " + r.complaint());
        if (!r.ok()) throw transport.failure("checking the remote side", r);
        Map<String, String> facts = facts(r.out());
        String workdir = RemotePaths.absolute(facts.getOrDefault("workdir", ""));
        if ("no".equals(facts.get("setsid"))) {
            throw new RemoteException(transport.where() + " has no `setsid` (util-linux): it is needed to run and cancel jobs there");
        }
        String want = config.version();
        String found = facts.getOrDefault("titans", "missing");
        if (target.titans() != null) {
            if (found.equals("missing")) {
                throw new RemoteException(transport.where() + " has no titans-cli at " + RemoteNames.show(titans)
                        + " (the target's `titans`): install it there, or remove `titans` to let Tiny Titans install its own");
            }
            requireCompatible(found, want, "the target's `titans` " + RemoteNames.show(titans));
            return new Prepared(workdir, List.of(titans));
        }
        if (!found.equals("missing") && compatible(found, want)) {
            return new Prepared(workdir, List.of(titans));
        }
        String why = found.equals("missing") ? "has no titans-cli on PATH" : "has " + found.strip() + " but this is " + (want == null ? "an unknown version" : want);
        Distribution d = config.distribution();
        if (d == null) {
            throw new RemoteException(transport.where() + " " + why + ", and there is no local build to install"
                    + " (build it: ./mvnw -pl cli -am install -DskipTests, or set `titans` in the target)");
        }
        requireJava(facts.getOrDefault("java", "missing"), java, why);
        List<String> cmd = install(workdir, d, java);
        Exec.Result v = transport.run(ShellQuote.command(cmd) + " --version 2>&1 | head -n 3", PROBE);
        if (!v.ok() || !compatible(v.out().strip(), want)) {
            throw new RemoteException("installed titans-cli on " + transport.where() + " but it does not run: " + v.complaint());
        }
        return new Prepared(workdir, cmd);
    }

    private void requireJava(String javaLine, String java, String why) {
        if (javaLine.equals("missing")) {
            throw new RemoteException(transport.where() + " " + why + ", and no java to install it with: " + RemoteNames.show(java)
                    + " is not found there; install Java " + MIN_JAVA + " or newer, or set `java \"/path/to/java\"` in the target");
        }
        Integer major = javaMajor(javaLine);
        if (major == null || major < MIN_JAVA) {
            throw new RemoteException(transport.where() + ": " + RemoteNames.show(java) + " is " + javaLine.strip()
                    + "; Tiny Titans needs Java " + MIN_JAVA + " or newer (set `java` in the target to a newer one)");
        }
    }

    private void requireCompatible(String found, String want, String what) {
        if (!compatible(found, want)) {
            throw new RemoteException(transport.where() + ": " + what + " is " + found.strip() + " but this is "
                    + (want == null ? "an unknown version" : "titans-cli " + want) + "; major.minor must match");
        }
    }

    /** Uploads the build's jars into the cache and links them into workdir/titans-cli/&lt;key&gt;/. */
    private List<String> install(String workdir, Distribution d, String java) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(d.jar());
        files.addAll(d.libs());
        files.addAll(d.natives());
        Map<Path, String> keys = new LinkedHashMap<>();
        for (Path f : files) keys.put(f, ContentKeys.file(f));
        String distKey = ContentKeys.text(keys.entrySet().stream()
                .map(e -> e.getKey().getFileName() + "\0" + e.getValue()).collect(Collectors.joining("\n")));
        String dir = RemotePaths.inside(workdir, "titans-cli/" + distKey);
        String jar = dir + "/titans-cli.jar";
        if (!transport.run("test -f " + ShellQuote.quote(jar), PROBE).ok()) {
            info("installing titans-cli " + d.version() + " on " + transport.where());
            Map<Path, String> cached = cache(workdir, files);
            StringBuilder s = new StringBuilder("set -e; d=" + ShellQuote.quote(dir) + "; t=\"$d.part.$$\"; rm -rf \"$t\"; mkdir -p \"$t/lib\" \"$t/natives\"\n");
            s.append(link(cached.get(d.jar()), "\"$t\"/titans-cli.jar"));
            for (Path lib : d.libs()) s.append(link(cached.get(lib), "\"$t\"/lib/" + ShellQuote.quote(safe(lib))));
            for (Path n : d.natives()) s.append(link(cached.get(n), "\"$t\"/natives/" + ShellQuote.quote(safe(n))));
            s.append("mv \"$t\" \"$d\" 2>/dev/null || rm -rf \"$t\"\n");
            transport.check("installing titans-cli", s.toString(), PROBE);
        }
        return List.of(java, "-jar", jar);
    }

    private static String safe(Path file) {
        String name = file.getFileName().toString();
        if (!name.equals(RemotePaths.safeName(name))) throw new RemoteException("unexpected library name " + RemoteNames.show(name));
        return name;
    }

    private static String link(String from, String to) {
        String f = ShellQuote.quote(from);
        return "ln -f " + f + " " + to + " 2>/dev/null || cp " + f + " " + to + "\n";
    }

    /** Makes sure each local file or folder is in workdir/cache; returns local path -> cached remote path. */
    Map<Path, String> cache(String workdir, Collection<Path> locals) throws IOException {
        Map<Path, String> keyOf = new LinkedHashMap<>();
        for (Path p : locals) keyOf.put(p, ContentKeys.of(p) + extension(p));
        Set<String> present = present(workdir, keyOf.values());
        Map<Path, String> placed = new HashMap<>();
        for (Map.Entry<Path, String> e : keyOf.entrySet()) {
            String remote = RemotePaths.inside(workdir, "cache/" + e.getValue());
            if (!present.contains(e.getValue())) {
                info("uploading " + e.getKey().getFileName() + " to " + transport.where());
                if (Files.isDirectory(e.getKey())) transport.uploadDir(e.getKey(), remote);
                else transport.upload(e.getKey(), remote);
                present.add(e.getValue());
            }
            placed.put(e.getKey(), remote);
        }
        return placed;
    }

    /**
     * A file's extension, kept on its cache name: the engine picks a weights format (.h5, .safetensors, .tt) by
     * it. Only plain extensions pass, so the key stays a safe file name.
     */
    static String extension(Path p) {
        if (Files.isDirectory(p)) return "";
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot <= 0 ? "" : name.substring(dot);
        return ext.matches("\\.[A-Za-z0-9]{1,16}") ? ext : "";
    }

    private Set<String> present(String workdir, Collection<String> keys) throws IOException {
        Set<String> out = new java.util.HashSet<>();
        if (keys.isEmpty()) return out;
        String list = keys.stream().distinct().map(ShellQuote::quote).collect(Collectors.joining(" "));
        String cache = ShellQuote.quote(RemotePaths.inside(workdir, "cache"));
        Exec.Result r = transport.check("checking the cache", "mkdir -p " + cache + " && cd " + cache
                + " && for k in " + list + "; do if [ -e \"$k\" ]; then echo \"$k\"; fi; done", PROBE);
        r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        return out;
    }

    /**
     * Uploads what the spec needs and the spec itself, rewritten, to jobDir/&lt;stem&gt;.prune; returns that path.
     * Paths the spec names that do not exist here are left as written (they may exist on the remote side).
     */
    String shipSpec(String workdir, String jobDir, Path spec, Integer gpu) throws IOException {
        SpecDocument doc = SpecDocument.parse(Files.readString(spec, StandardCharsets.UTF_8));
        Path dir = spec.toAbsolutePath().normalize().getParent();
        Shipping.Found found = Shipping.references(doc, dir);
        for (String m : found.missing()) {
            log.accept(new JobEvent.Log("warning", "\"" + m + "\" does not exist here; it is left as written for " + transport.where()));
        }
        Map<Path, String> placed = cache(workdir, found.files());
        String text = Shipping.rewrite(doc, found, placed, gpu);
        String remote = jobDir + "/" + RemotePaths.safeName(Shipping.stem(spec)) + ".prune";
        Path tmp = Files.createTempFile("titans-spec", ".prune");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            transport.upload(tmp, remote);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return remote;
    }

    static Map<String, String> facts(String out) {
        Map<String, String> m = new HashMap<>();
        out.lines().forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) m.put(l.substring(0, eq), l.substring(eq + 1));
        });
        return m;
    }

    /** True when both versions share major.minor; an unknown local version accepts any titans-cli. */
    static boolean compatible(String versionLine, String want) {
        if (want == null) return true;
        Matcher a = VERSION.matcher(versionLine);
        Matcher b = VERSION.matcher(want);
        return a.find() && b.find() && a.group(1).equals(b.group(1)) && a.group(2).equals(b.group(2));
    }

    /** 17 for `openjdk version "17.0.15"`, 8 for `java version "1.8.0_392"`, null when unreadable. */
    static Integer javaMajor(String line) {
        Matcher m = JAVA_VERSION.matcher(line);
        if (!m.find()) return null;
        int first = Integer.parseInt(m.group(1));
        return first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
    }
}
