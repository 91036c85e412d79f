package org.tinytitans.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command with missing, unreadable (a directory, /proc/self/mem, a FIFO), binary, non-UTF-8, empty and
 * huge inputs, and with bad options: each answers a clear message and its documented exit code (0 ok, 1 spec
 * errors, 2 usage or I/O, 3 job failed), never a stack trace and never a hang.
 */
@Reliability
class BadInputsTest {
    static final Set<Integer> USAGE = Set.of(2);

    @TempDir
    Path dir;
    final Map<String, Path> bad = new LinkedHashMap<>();
    Path goodResult;
    Path goodSpec;
    int cases;

    @BeforeEach
    void inputs() throws Exception {
        bad.put("missing", dir.resolve("nope.prune"));
        bad.put("directory", Files.createDirectories(dir.resolve("a-folder.prune")));
        bad.put("unreadable", Path.of("/proc/self/mem"));
        byte[] noise = new byte[64 << 10];
        new Random(3).nextBytes(noise);
        bad.put("binary", Files.write(dir.resolve("binary.prune"), noise));
        bad.put("not-utf8", Files.write(dir.resolve("latin1.prune"), "# caf\u00e9 \u00ff\n".getBytes(StandardCharsets.ISO_8859_1)));
        bad.put("empty", Files.write(dir.resolve("empty.prune"), new byte[0]));
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 20 << 20) huge.append("# a comment line that goes on and on and on and on and on\n");
        huge.append("experiment broken {\n  model resnet56\n  prune filters { criterion l11 }\n");
        bad.put("huge", Files.writeString(dir.resolve("huge.prune"), huge));
        goodSpec = Files.writeString(dir.resolve("good.prune"), "experiment e {\n  model resnet56\n  prune filters { criterion l1; ratio 50% }\n}\n");
        goodResult = dir.resolve("result.json");
        try (var in = BadInputsTest.class.getResourceAsStream("/report/sweep/result.json")) {
            Files.write(goodResult, in.readAllBytes());
        }
    }

    /** Runs the command and checks the exit code is one of those documented for it, without a stack trace. */
    Cli expect(Set<Integer> codes, String... args) throws Exception {
        Cli r = Cli.run(args);
        cases++;
        assertTrue(codes.contains(r.exitCode()), "expected exit " + codes + ":\n" + r.show());
        assertFalse(r.hasStackTrace(), "a stack trace:\n" + r.show());
        if (r.exitCode() == 2) assertFalse(r.err().isBlank(), "exit 2 says why on stderr:\n" + r.show());
        return r;
    }

    /** Expected exit codes of the spec commands per kind of bad input. */
    static Set<Integer> specCodes(String kind) {
        return switch (kind) {
            case "binary", "huge" -> Set.of(1, 2); // read fine, or refused: either way a spec with errors or a usage error
            case "empty" -> Set.of(0, 1, 2);
            default -> USAGE;
        };
    }

    @Test
    void specCommandsOnBadFiles() throws Exception {
        for (var e : bad.entrySet()) {
            String kind = e.getKey();
            String file = e.getValue().toString();
            for (String command : List.of("check", "estimate", "run")) {
                Cli r = expect(specCodes(kind), command, file);
                if (r.exitCode() == 2 && !kind.equals("empty")) {
                    assertTrue(r.err().contains(e.getValue().getFileName().toString()), "names the file:\n" + r.show());
                }
                if (kind.equals("huge") && r.exitCode() == 1) assertTrue((r.out() + r.err()).contains("unknown-criterion"), r.show());
            }
        }
        expect(Set.of(2), "check", goodSpec.toString(), bad.get("missing").toString());
        expect(Set.of(0), "check", goodSpec.toString());
        Figures.record("cli: check, estimate, run on bad files", cases, 0, 0, cases);
    }

    @Test
    void aFifoIsReadLikeAnyStream() throws Exception {
        Path fifo = dir.resolve("pipe.prune");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        Thread writer = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write(new byte[] {0, 1, 2, (byte) 0xC3, 0x28, '{', '\n'});
            } catch (IOException ignored) {
                // the reader went away
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        expect(Set.of(1, 2), "check", fifo.toString());
        Figures.record("cli: a FIFO as the spec", 1, 0, 0, 1);
    }

    @Test
    void resultCommandsOnBadFiles() throws Exception {
        Map<String, Path> results = new LinkedHashMap<>(bad);
        results.put("empty-object", Files.writeString(dir.resolve("obj.json"), "{}"));
        results.put("array", Files.writeString(dir.resolve("arr.json"), "[1,2]"));
        String text = Files.readString(goodResult);
        results.put("truncated", Files.writeString(dir.resolve("cut.json"), text.substring(0, text.length() / 2)));
        results.put("foreign-schema", Files.writeString(dir.resolve("schema.json"), text.replace("titans-result/1", "something-else/1")));
        for (var e : results.entrySet()) {
            String file = e.getValue().toString();
            expect(USAGE, "report", file, "--out", dir.resolve("r.html").toString());
            expect(USAGE, "compare", file, goodResult.toString());
            expect(USAGE, "compare", goodResult.toString(), file);
        }
        expect(Set.of(0), "report", goodResult.toString(), "--out", dir.resolve("ok.html").toString());
        expect(USAGE, "report", goodResult.toString(), "--format", "pdf");
        Path aFile = Files.writeString(dir.resolve("plain"), "x");
        expect(USAGE, "report", goodResult.toString(), "--out", aFile.resolve("r.html").toString());
        expect(USAGE, "report", goodResult.toString(), "--out", bad.get("directory").toString());
        expect(Set.of(0), "compare", goodResult.toString(), goodResult.toString());
        expect(USAGE, "compare", goodResult.toString());
        Figures.record("cli: report, compare on bad results", cases, 0, 0, cases);
    }

    @Test
    void runFailuresAndBadOptions() throws Exception {
        Path models = Path.of("../samples/models/mnist-cnn.tt").toAbsolutePath().normalize();
        Path binaryWeights = bad.get("binary");
        String withWeights = "experiment e {\n  model mnist-cnn { weights \"%s\" }\n  measure params\n}\n";
        Path badWeights = Files.writeString(dir.resolve("w.prune"), withWeights.formatted(binaryWeights));
        Cli r = expect(Set.of(3), "run", badWeights.toString(), "--out", dir.resolve("o1").toString());
        assertTrue((r.out() + r.err()).contains("binary.prune"), "names the weights file:\n" + r.show());
        Path folderWeights = Files.writeString(dir.resolve("w2.prune"), withWeights.formatted(bad.get("directory")));
        expect(Set.of(3), "run", folderWeights.toString(), "--out", dir.resolve("o2").toString());
        Path ok = Files.writeString(dir.resolve("ok.prune"), withWeights.formatted(models));
        Path aFile = Files.writeString(dir.resolve("plain"), "x");
        expect(Set.of(2, 3), "run", ok.toString(), "--out", aFile.toString());
        expect(USAGE, "run", ok.toString(), "--experiment", "nope", "--out", dir.resolve("o3").toString());
        expect(USAGE, "run", ok.toString(), "--point", "7", "--out", dir.resolve("o4").toString());
        expect(USAGE, "run", ok.toString(), "--point", "x");
        expect(USAGE, "run");
        expect(USAGE, "check");
        expect(USAGE, "estimate", ok.toString(), ok.toString());
        Figures.record("cli: run failures and bad options", cases, 0, 0, cases);
    }

    @Test
    void catalogCommandsInitAndLsp() throws Exception {
        expect(Set.of(0), "models");
        expect(USAGE, "models", "--bogus");
        expect(USAGE, "models", "extra");
        expect(Set.of(0), "criteria");
        expect(USAGE, "criteria", "--granularity");
        Cli g = Cli.run("criteria", "--granularity", "nonsense");
        cases++;
        assertTrue(Set.of(0, 2).contains(g.exitCode()) && !g.hasStackTrace(), g.show());
        expect(USAGE, "init", "--model", "resnet57");
        Path existing = Files.writeString(dir.resolve("exists.prune"), "x");
        expect(USAGE, "init", "--out", existing.toString());
        expect(USAGE, "init", "--out", existing.resolve("child.prune").toString());
        expect(USAGE, "init", "--out", "/proc/no-such-dir/x.prune");
        expect(USAGE, "init", "--out", bad.get("directory").toString());
        expect(Set.of(0), "init", "--out", dir.resolve("new.prune").toString());
        Cli help = expect(Set.of(0), "lsp", "--help");
        assertTrue(help.out().contains("Usage"), help.show());
        expect(USAGE, "lsp", "--bogus");
        expect(USAGE, "completion", "fish");
        expect(Set.of(0), "--version");
        expect(USAGE, "no-such-command");
        expect(Set.of(0), "check", "--help");
        List<String> commands = new ArrayList<>(List.of("check", "run", "estimate", "report", "compare", "models", "criteria", "init", "completion"));
        for (String c : commands) expect(Set.of(0), c, "--help");
        Figures.record("cli: catalog commands, init, lsp, help", cases, 0, 0, cases);
    }
}
