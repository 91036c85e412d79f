package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemotePathsTest {

    @Test
    void pathsInsideTheWorkdirAreNormalised() {
        assertEquals("/home/u/w/jobs/1", RemotePaths.inside("/home/u/w", "jobs/1"));
        assertEquals("/home/u/w/jobs/1/.titans/q", RemotePaths.inside("/home/u/w/", "jobs//1/./x/../.titans/q"));
    }

    @Test
    void escapesAreRefused() {
        for (String rel : List.of("..", "../x", "jobs/../../etc/passwd", "/etc/passwd", "a/../..", ".", "", "a\nb")) {
            RemoteException e = assertThrows(RemoteException.class, () -> RemotePaths.inside("/home/u/w", rel), rel);
            assertTrue(e.getMessage().contains("/home/u/w") || e.getMessage().contains("control"), e.getMessage());
        }
    }

    @Test
    void absolutePathsAreLimitedToPlainCharacters() {
        assertEquals("/scratch/u_1/titans-2.0", RemotePaths.absolute("/scratch/u_1/titans-2.0"));
        for (String p : List.of("relative/x", "/a b", "/a;b", "/a$(x)", "/a\nb", "/a'b", "")) {
            assertThrows(RemoteException.class, () -> RemotePaths.absolute(p), p);
        }
    }

    @Test
    void theShellExpandsOnlyTheHomeFolderOfAWorkdir() throws IOException {
        assertEquals("/home/t/my dir", expand("~/my dir"));
        assertEquals("/home/t", expand("~"));
        assertEquals("/abs/$(touch x)", expand("/abs/$(touch x)"));
        assertEquals("rel/~x", expand("rel/~x"));
        assertThrows(RemoteException.class, () -> RemotePaths.workdirWord("a\nb"));
        assertThrows(RemoteException.class, () -> RemotePaths.workdirWord(" "));
    }

    private static String expand(String workdir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "printf '%s' " + RemotePaths.workdirWord(workdir));
        pb.environment().put("HOME", "/home/t");
        return Exec.run(pb, Duration.ofSeconds(10)).out();
    }

    @Test
    void safeNames() {
        assertEquals("quickstart", RemotePaths.safeName("quickstart"));
        assertEquals("my_spec__1_", RemotePaths.safeName("my spec (1)"));
        assertEquals("_..", RemotePaths.safeName(".."));
        assertEquals("_-x", RemotePaths.safeName("-x"));
    }
}
