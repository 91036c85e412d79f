package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteNamesTest {

    @Test
    void hostsThatAreAllowed() {
        for (String h : List.of("gpu1", "user@gpu-1.example.org", "titans-test", "10.0.0.7", "a_b")) {
            assertEquals(h, RemoteNames.host(h));
        }
    }

    @Test
    void hostsThatCouldBeOptionsOrShellAreRefused() {
        for (String h : List.of("-oProxyCommand=touch x", "-p", "host;id", "host name", "$(id)", "a@b@c", "user@",
                "host\nid", "`id`", "h'x", "")) {
            RemoteException e = assertThrows(RemoteException.class, () -> RemoteNames.host(h), h);
            assertTrue(e.getMessage().contains("host"), e.getMessage());
        }
        assertThrows(RemoteException.class, () -> RemoteNames.host(null));
    }

    @Test
    void messagesShowControlCharactersVisibly() {
        RemoteException e = assertThrows(RemoteException.class, () -> RemoteNames.host("a\nb"));
        assertTrue(e.getMessage().contains("\"a\\u000ab\""), e.getMessage());
    }

    @Test
    void slurmNames() {
        assertEquals("gpu", RemoteNames.partition("gpu"));
        assertEquals("proj-42.x", RemoteNames.account("proj-42.x"));
        for (String p : List.of("gpu\n#SBATCH --uid=0", "-p", "a b", "a,b", "")) {
            assertThrows(RemoteException.class, () -> RemoteNames.partition(p), p);
        }
    }

    @Test
    void slurmTimes() {
        for (String t : List.of("01:00:00", "30", "2-00:00:00", "10:00", "1-12")) assertEquals(t, RemoteNames.time(t));
        for (String t : List.of("1h", "01:00:00\n#SBATCH x", "", "a:b", "--time")) {
            RemoteException e = assertThrows(RemoteException.class, () -> RemoteNames.time(t), t);
            assertTrue(e.getMessage().contains("HH:MM:SS"));
        }
    }

    @Test
    void jobIds() {
        assertEquals("20261128-180501-3fa9c2", RemoteNames.jobId("20261128-180501-3fa9c2"));
        for (String id : List.of("..", "../x", "a/b", ".hidden", "-x", "a b", "")) {
            assertThrows(RemoteException.class, () -> RemoteNames.jobId(id), id);
        }
        assertTrue(JobIds.fresh().matches("\\d{8}-\\d{6}-[0-9a-f]{6}"));
        RemoteNames.jobId(JobIds.fresh());
    }
}
