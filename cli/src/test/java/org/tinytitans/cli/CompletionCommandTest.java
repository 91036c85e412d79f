package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tinytitans.engine.job.ExitCodes;

class CompletionCommandTest {

    @Test
    void bashScriptKnowsEveryCommandOfTheLiveTree() {
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out());
        for (String name : TitansCli.commandLine().getSubcommands().keySet()) {
            assertTrue(run.out().contains(name), name);
        }
        assertTrue(run.out().contains("--granularity") && run.out().contains("--format"), "options of subcommands");
        assertTrue(run.out().contains("mnist-cnn"), "model names complete from the catalog");
    }

    @Test
    void zshUsesTheSameScriptAndOtherShellsAreUsage() {
        CliRun zsh = CliRun.of("completion", "zsh");
        assertEquals(ExitCodes.OK, zsh.exitCode());
        assertTrue(zsh.out().contains("bashcompinit"), "the script loads bashcompinit under zsh");
        assertEquals(ExitCodes.USAGE, CliRun.of("completion", "fish").exitCode());
    }
}
