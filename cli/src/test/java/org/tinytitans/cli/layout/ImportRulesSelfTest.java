package org.tinytitans.cli.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules on tiny made-up trees: each breach is found, with its file and line, and a clean tree passes. */
class ImportRulesSelfTest {
    @TempDir
    Path root;

    private void write(String module, String pkg, String name, String body) throws IOException {
        Path f = root.resolve(module + "/src/main/java/" + pkg.replace('.', '/') + "/" + name + ".java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "package " + pkg + ";\n\n" + body);
    }

    private List<String> breaches() {
        return ImportRulesTest.check(ImportScan.scan(root, ImportRulesTest.MODULES));
    }

    private void cleanTree() throws IOException {
        for (String m : ImportRulesTest.MODULES) {
            write(m, "org.tinytitans." + m, "Main", "public class Main {}\n");
        }
        write("language", "org.tinytitans.language.ast", "Range", "public record Range(int s, int e) {}\n");
        write("language", "org.tinytitans.language", "Parser",
                "import org.tinytitans.language.ast.Range;\n\nclass Parser { Range r; }\n");
        write("engine", "org.tinytitans.engine.lm", "Lm", "import org.tinytitans.engine.runtime.Devices;\n"
                + "import org.tinytitans.engine.train.Progress;\n\nclass Lm {}\n");
        write("engine", "org.tinytitans.engine.job", "Job", "import org.tinytitans.engine.lm.Lm;\n"
                + "import org.tinytitans.engine.model.Network;\n\nclass Job {}\n");
        write("server", "org.tinytitans.server", "Server", "import org.eclipse.lsp4j.Hover;\n"
                + "import org.tinytitans.engine.job.Job;\n\nclass Server {}\n");
    }

    @Test
    void aCleanTreePasses() throws IOException {
        cleanTree();
        assertEquals(List.of(), breaches());
    }

    @Test
    void theLanguageModuleMustNotUseDjl() throws IOException {
        cleanTree();
        write("language", "org.tinytitans.language", "Bad", "import java.util.List;\nimport ai.djl.ndarray.NDArray;\n\nclass Bad {}\n");
        List<String> b = breaches();
        assertEquals(1, b.size(), b.toString());
        assertTrue(b.get(0).startsWith("language/src/main/java/org/tinytitans/language/Bad.java:4: module language must not use ai.djl"), b.get(0));
    }

    @Test
    void aFullyQualifiedNameInCodeCountsButOneInACommentOrStringDoesNot() throws IOException {
        cleanTree();
        write("engine", "org.tinytitans.engine.model", "Net", "// org.eclipse.lsp4j.Hover in a comment\n"
                + "class Net {\n  String s = \"picocli.CommandLine\";\n  Object o = new org.eclipse.lsp4j.Position();\n}\n");
        List<String> b = breaches();
        assertEquals(1, b.size(), b.toString());
        assertTrue(b.get(0).contains("Net.java:6: module engine must not use org.eclipse.lsp4j"), b.get(0));
    }

    @Test
    void theServerMustNotUsePicocliNorTheCli() throws IOException {
        cleanTree();
        write("server", "org.tinytitans.server", "Cmd", "import picocli.CommandLine;\nimport static org.tinytitans.cli.Main.run;\n\nclass Cmd {}\n");
        List<String> b = breaches();
        assertEquals(2, b.size(), b.toString());
        assertTrue(b.get(0).contains("Cmd.java:3: module server must not use picocli"), b.get(0));
        assertTrue(b.get(1).contains("Cmd.java:4: module server must not use org.tinytitans.cli"), b.get(1));
    }

    @Test
    void aPackageCycleIsNamedWithAnEdgeEachWay() throws IOException {
        cleanTree();
        write("engine", "org.tinytitans.engine.model", "Net", "import org.tinytitans.engine.prune.Plan;\n\nclass Net {}\n");
        write("engine", "org.tinytitans.engine.prune", "Plan", "import org.tinytitans.engine.model.Net;\n\nclass Plan {}\n");
        List<String> b = breaches();
        assertEquals(1, b.size(), b.toString());
        assertTrue(b.get(0).startsWith("package cycle in module engine: org.tinytitans.engine.model <-> org.tinytitans.engine.prune"), b.get(0));
        assertTrue(b.get(0).contains("org.tinytitans.engine.prune -> org.tinytitans.engine.model at engine/src/main/java/org/tinytitans/engine/prune/Plan.java:3"), b.get(0));
    }

    @Test
    void aCycleThroughThreePackagesIsOneFinding() throws IOException {
        cleanTree();
        write("language", "org.tinytitans.language.a", "A", "import org.tinytitans.language.b.B;\nclass A {}\n");
        write("language", "org.tinytitans.language.b", "B", "import org.tinytitans.language.c.C;\nclass B {}\n");
        write("language", "org.tinytitans.language.c", "C", "class C { org.tinytitans.language.a.A a; }\n");
        List<String> b = breaches();
        assertEquals(1, b.size(), b.toString());
        assertTrue(b.get(0).contains("org.tinytitans.language.a <-> org.tinytitans.language.b <-> org.tinytitans.language.c"), b.get(0));
    }

    @Test
    void languageModelCodeStaysApartFromVisionCode() throws IOException {
        cleanTree();
        write("engine", "org.tinytitans.engine.lm", "Mix", "import org.tinytitans.engine.model.Network;\n"
                + "import org.tinytitans.engine.train.FineTuner;\n\nclass Mix {}\n");
        write("engine", "org.tinytitans.engine.criteria", "Wanda", "import org.tinytitans.engine.lm.Lm;\n\nclass Wanda {}\n");
        List<String> b = breaches();
        assertEquals(3, b.size(), b.toString());
        assertTrue(b.get(0).contains("lm/Mix.java:3: org.tinytitans.engine.lm may use only"), b.get(0));
        assertTrue(b.get(1).contains("lm/Mix.java:4: ") && b.get(1).endsWith("(uses org.tinytitans.engine.train.FineTuner)"), b.get(1));
        assertTrue(b.get(2).contains("criteria/Wanda.java:3: only org.tinytitans.engine.job, ") && b.get(2).contains(" may use org.tinytitans.engine.lm"), b.get(2));
    }

    @Test
    void insideLmTheModelUsesNoOtherPart() throws IOException {
        cleanTree();
        write("engine", "org.tinytitans.engine.lm.prune", "Pruner", "class Pruner {}\n");
        write("engine", "org.tinytitans.engine.lm.model", "Model", "import org.tinytitans.engine.lm.prune.Pruner;\n\nclass Model {}\n");
        List<String> b = breaches();
        assertEquals(1, b.size(), b.toString());
        assertTrue(b.get(0).contains("lm/model/Model.java:3: org.tinytitans.engine.lm.model may use nothing of org.tinytitans.engine.lm (uses org.tinytitans.engine.lm.prune.Pruner)"), b.get(0));
    }

    @Test
    void aRuleMatchesWholePackageNamesOnly() {
        assertTrue(ImportRules.startsWith("org.tinytitans.engine.lm.Lm", "org.tinytitans.engine.lm"));
        assertTrue(!ImportRules.startsWith("org.tinytitans.engine.lmx.Lm", "org.tinytitans.engine.lm"));
    }
}
