package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.TargetSpec;

class RunnersTest {
    private static TargetSpec targetOf(String spec) {
        return Runners.targetOf(Experiments.resolve(SpecDocument.parse(spec)));
    }

    @Test
    void aSpecsTargetComesFromItsExperiments() {
        TargetSpec t = targetOf("target ssh \"me@gpu1\" { workdir \"/scratch/me\"; gpu 1 }\nexperiment a { model mnist-cnn }\nexperiment b { model mnist-cnn }\n");
        assertEquals("ssh", t.kind());
        assertEquals("me@gpu1", t.argument());
        assertEquals("/scratch/me", t.workdir());
        assertEquals(1, t.gpu());
        assertEquals("cpu", targetOf("model mnist-cnn\n").kind());
        assertEquals("slurm", targetOf("model mnist-cnn\ntarget slurm \"gpu\" { gpus 2; time \"02:00:00\" }\n").kind());
    }

    @Test
    void experimentsOnDifferentRemotesAreRefused() {
        RemoteException e = assertThrows(RemoteException.class, () -> targetOf(
                "experiment a { model mnist-cnn; target ssh \"h1\" }\nexperiment b { model mnist-cnn; target slurm \"gpu\" }\n"));
        assertTrue(e.getMessage().contains("ssh \"h1\", slurm \"gpu\""), e.getMessage());
        assertThrows(RemoteException.class, () -> targetOf(
                "experiment a { model mnist-cnn; target ssh \"h1\" }\nexperiment b { model mnist-cnn }\n"));
    }

    @Test
    void aSpecWithErrorsRunsHereWhereTheJobReportsThem() {
        assertEquals("ssh", Runners.targetOf(SpecDocument.parse("experiment a { model mnist-cnn; target ssh \"h1\" }\n")).kind());
        TargetSpec t = Runners.targetOf(SpecDocument.parse("experiment a { model resnet5; target ssh \"h1\" }\n"));
        assertEquals("cpu", t.kind(), "an unknown model is an error: the local job reports it with its line");
        assertTrue(!Runners.isRemote(t) && Runners.isRemote(targetOf("model mnist-cnn\ntarget slurm \"gpu\"\n")));
    }

    @Test
    void localTargetsRunTheConfiguredCommandRemoteOnesTheirRunner() {
        RemoteConfig c = new RemoteConfig(java.util.List.of(), null, "0.1.0", null, null).withLocalCommand(java.util.List.of("titans-cli", "run"));
        JobRunner local = Runners.forTarget(targetOf("model mnist-cnn\ntarget gpu 1\n"), c);
        assertEquals(java.util.List.of("titans-cli", "run", "--events", "/x/a.prune"),
                ((LocalRunner) local).commandFor(java.nio.file.Path.of("/x/a.prune"), JobOptions.defaults()));
        assertTrue(Runners.forTarget(targetOf("model mnist-cnn\ntarget ssh \"h1\"\n"), c) instanceof SshRunner);
        assertTrue(Runners.forTarget(targetOf("model mnist-cnn\ntarget slurm \"gpu\"\n"), c) instanceof SlurmRunner);
    }

    @Test
    void theEnvironmentNamesTheSshConfigAndTheSlurmLoginNode() {
        RemoteConfig c = RemoteConfig.fromEnvironment(java.util.Map.of("TITANS_SSH_CONFIG", "/etc/titans/ssh_config",
                "TITANS_SLURM_HOST", "login1"), "0.1.0", null);
        assertEquals(java.util.List.of("-F", "/etc/titans/ssh_config"), c.sshOptions());
        assertEquals("login1", c.slurmHost());
        assertEquals("login2", RemoteConfig.fromEnvironment(java.util.Map.of("TITANS_SLURM_HOST", "login1"), null, "login2").slurmHost(),
                "--slurm-host wins over the environment");
        assertEquals(java.util.List.of(), RemoteConfig.fromEnvironment(java.util.Map.of(), null, null).sshOptions());
    }
}
