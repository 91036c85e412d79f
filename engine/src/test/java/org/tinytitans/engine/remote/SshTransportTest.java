package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SshTransportTest {

    @Test
    void sshNeverPromptsAndTheHostCannotBecomeAnOption() {
        List<String> argv = new SshTransport("me@gpu1", List.of("-F", "/cfg")).sshArgv("sh -c 'x'");
        assertEquals(List.of("ssh", "-F", "/cfg", "-o", "BatchMode=yes", "-T", "--", "me@gpu1", "sh -c 'x'"), argv);
        assertTrue(argv.stream().noneMatch(a -> a.toLowerCase().contains("stricthostkeychecking")));
    }

    @Test
    void optionsThatDisableHostKeyChecksAreRefused() {
        for (List<String> o : List.of(List.of("-o", "StrictHostKeyChecking=no"), List.of("-oStrictHostKeyChecking=off"),
                List.of("-o", "UserKnownHostsFile=/dev/null"), List.of("-o", "stricthostkeychecking = no"))) {
            RemoteException e = assertThrows(RemoteException.class, () -> new SshTransport("gpu1", o), o.toString());
            assertTrue(e.getMessage().contains("host keys are always checked"), e.getMessage());
        }
    }

    @Test
    void aConnectionFailureSaysWhatToCheck() {
        RemoteException e = new SshTransport("gpu1", List.of()).failure("checking the remote side",
                new Exec.Result(255, "", "ssh: Could not resolve hostname gpu1: Name or service not known\n"));
        assertEquals("cannot reach gpu1 over ssh while checking the remote side: ssh: Could not resolve hostname gpu1:"
                + " Name or service not known (check the host name, your key or agent, and that the host is in known_hosts)", e.getMessage());
    }
}
