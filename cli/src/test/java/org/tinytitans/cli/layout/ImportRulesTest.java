package org.tinytitans.cli.layout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.cli.layout.ImportScan.Ref;

/**
 * The module and package rules of the repository, stated once here (the module READMEs point to this file):
 * <ul>
 * <li>language uses no DJL, no LSP4J, no picocli and no other module; engine no LSP4J, no picocli, no server or
 *     cli; server no picocli and no cli; cli may use all; nothing uses bench;</li>
 * <li>no package cycles inside a module;</li>
 * <li>the engine's language-model code ({@code engine.lm}) and its vision code stay apart: lm uses of the rest of
 *     the engine only runtime, weights, metrics and the two training helpers NoGrad and Progress; only the job
 *     runner ({@code engine.job}), the method registry, the LLaVA model ({@code engine.vit}) and the VLM's
 *     evaluation and training ({@code engine.vlm}) use lm; inside lm, model (config, checkpoints, tokenizers, the forward pass)
 *     uses no other part; prune, eval and lora use only model; train (the sample model's trainer) uses model and
 *     eval.</li>
 * </ul>
 * Maven's dependencies already forbid some of these; the scan also covers packages, which Maven cannot.
 */
class ImportRulesTest {
    static final List<String> MODULES = List.of("language", "engine", "server", "cli", "bench");
    static final String T = "org.tinytitans.";
    static final String LM = T + "engine.lm";

    @Test
    void theSourcesKeepTheRules() {
        List<String> breaches = check(ImportScan.scan(repositoryRoot(), MODULES));
        assertTrue(breaches.isEmpty(), breaches.size() + " import rule breaches:\n" + String.join("\n", breaches));
    }

    /** Scans at least the packages the rules name, so a rename cannot empty a rule without notice. */
    @Test
    void theRulesNamePackagesThatExist() {
        List<Ref> refs = ImportScan.scan(repositoryRoot(), MODULES);
        for (String p : List.of(LM + ".model", LM + ".prune", LM + ".eval", LM + ".lora", LM + ".train", T + "engine.job", T + "engine.runtime", T + "engine.weights", T + "engine.metrics",
                T + "language", T + "server", T + "cli")) {
            assertTrue(refs.stream().anyMatch(r -> ImportRules.startsWith(r.fromPackage(), p)), "no sources in " + p);
        }
    }

    static List<String> check(List<Ref> refs) {
        List<String> out = new ArrayList<>();
        out.addAll(ImportRules.forbid(refs, "language", List.of("ai.djl", "org.eclipse.lsp4j", "picocli",
                T + "engine", T + "server", T + "cli", T + "bench")));
        out.addAll(ImportRules.forbid(refs, "engine", List.of("org.eclipse.lsp4j", "picocli", T + "server", T + "cli",
                T + "bench")));
        out.addAll(ImportRules.forbid(refs, "server", List.of("picocli", T + "cli", T + "bench")));
        out.addAll(ImportRules.forbid(refs, "cli", List.of(T + "bench")));
        out.addAll(ImportRules.cycles(refs));
        out.addAll(ImportRules.onlyThrough(refs, LM, T + "engine", List.of(T + "engine.runtime", T + "engine.weights",
                T + "engine.metrics", T + "engine.train.NoGrad", T + "engine.train.Progress")));
        // the experiments run LMs; the method registry binds each LM method to its pruner; a LLaVA-style model's
        // decoder is the LM's, and the VLM's evaluation, token dropping and trainer (engine.vlm) run that decoder
        // layer by layer and train it with the LM's optimiser
        out.addAll(ImportRules.reachedOnlyFrom(refs, LM, List.of(T + "engine.job", T + "engine.methods", T + "engine.vit",
                T + "engine.vlm")));
        out.addAll(ImportRules.onlyThrough(refs, LM + ".model", LM, List.of()));
        for (String part : List.of("prune", "eval", "lora")) {
            out.addAll(ImportRules.onlyThrough(refs, LM + "." + part, LM, List.of(LM + ".model")));
        }
        out.addAll(ImportRules.onlyThrough(refs, LM + ".train", LM, List.of(LM + ".model", LM + ".eval")));
        return out;
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("language/src/main/java")) && Files.isDirectory(p.resolve("engine/src/main/java"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
