package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tinytitans.spec.SpecDocument;
import org.tinytitans.spec.resolve.Experiments;
import org.tinytitans.spec.resolve.TargetSpec;

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
}
