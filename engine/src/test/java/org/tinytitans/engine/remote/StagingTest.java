package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.language.resolve.TargetSpec;

/** Staging against this machine as the "remote" side: the same scripts ssh would run. */
class StagingTest {
    final List<JobEvent> logged = new ArrayList<>();

    static TargetSpec ssh(Path workdir, String java, String titans) {
        return new TargetSpec("ssh", "gpu1", null, workdir.toString(), java, titans, null, null, null, null, null, null);
    }

    Staging staging(String version) {
        return new Staging(new LocalTransport(), new RemoteConfig(List.of(), null, version, null, null), logged::add);
    }

    @Test
    void versions() {
        assertTrue(Staging.compatible("titans-cli 0.1.0", "0.1.7"));
        assertFalse(Staging.compatible("titans-cli 0.2.0", "0.1.0"));
        assertFalse(Staging.compatible("titans-cli 1.1.0", "0.1.0"));
        assertFalse(Staging.compatible("titans-cli (development build)", "0.1.0"));
        assertTrue(Staging.compatible("anything", null));
        assertEquals(17, Staging.javaMajor("openjdk version \"17.0.15\" 2025-04-15"));
        assertEquals(21, Staging.javaMajor("openjdk version \"21\" 2023-09-19"));
        assertEquals(8, Staging.javaMajor("java version \"1.8.0_392\""));
        assertNull(Staging.javaMajor("bash: java: command not found"));
    }

    @Test
    void aGivenCompatibleTitansIsUsedInAResolvedWorkdir(@TempDir Path dir) throws IOException {
        Staging.Prepared p = staging("0.1.0").prepare(ssh(dir.resolve("w/x"), null, FakeTitans.path().toString()));
        assertEquals(dir.resolve("w/x").toRealPath().toString(), p.workdir());
        assertEquals(List.of(FakeTitans.path().toString()), p.titans());
        assertTrue(Files.isDirectory(dir.resolve("w/x/cache")) && Files.isDirectory(dir.resolve("w/x/jobs")));
    }

    @Test
    void whatIsMissingIsSaidExactly(@TempDir Path dir) {
        String fake = FakeTitans.path().toString();
        RemoteException wrong = assertThrows(RemoteException.class, () -> staging("2.3.0").prepare(ssh(dir, null, fake)));
        assertTrue(wrong.getMessage().contains("is titans-cli 0.1.0 but this is titans-cli 2.3.0; major.minor must match"), wrong.getMessage());
        RemoteException absent = assertThrows(RemoteException.class, () -> staging("0.1.0").prepare(ssh(dir, null, "/opt/none/titans-cli")));
        assertTrue(absent.getMessage().contains("this machine has no titans-cli at \"/opt/none/titans-cli\""), absent.getMessage());
        // No titans-cli on PATH here, and no build to install: says both.
        RemoteException noBuild = assertThrows(RemoteException.class, () -> staging("0.1.0").prepare(ssh(dir, "/opt/none/java", null)));
        assertTrue(noBuild.getMessage().contains("has no titans-cli on PATH, and there is no local build to install"), noBuild.getMessage());
    }

    @Test
    void noJavaToInstallWith(@TempDir Path dir) throws IOException {
        Path jarDir = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(jarDir.resolve("titans-cli.jar"), "not really a jar");
        Distribution d = new Distribution(jarDir.resolve("titans-cli.jar"), List.of(), List.of(), "0.1.0");
        Staging s = new Staging(new LocalTransport(), new RemoteConfig(List.of(), d, null, null, null), logged::add);
        RemoteException e = assertThrows(RemoteException.class, () -> s.prepare(ssh(dir.resolve("w"), "/opt/none/java", null)));
        assertTrue(e.getMessage().contains("no java to install it with: \"/opt/none/java\" is not found there; install Java 17"), e.getMessage());
    }

    @Test
    void theCacheUploadsEachContentOnce(@TempDir Path dir) throws IOException {
        Path w = Files.createDirectories(dir.resolve("w"));
        Path a = Files.writeString(dir.resolve("a.bin"), "same");
        Path b = Files.writeString(dir.resolve("b.bin"), "same");
        Path folder = Files.createDirectories(dir.resolve("data"));
        Files.writeString(folder.resolve("x"), "1");
        Staging s = staging("0.1.0");
        Map<Path, String> placed = s.cache(w.toString(), List.of(a, b, folder));
        assertEquals(placed.get(a), placed.get(b));
        assertEquals(w + "/cache/" + ContentKeys.file(a) + ".bin", placed.get(a), "keyed by content, extension kept");
        assertEquals("1", Files.readString(Path.of(placed.get(folder), "x")));
        long uploads = logged.stream().filter(e -> e instanceof JobEvent.Log l && l.message().startsWith("uploading")).count();
        assertEquals(2, uploads);
        s.cache(w.toString(), List.of(a, folder));
        assertEquals(uploads, logged.stream().filter(e -> e instanceof JobEvent.Log l && l.message().startsWith("uploading")).count(),
                "present entries are not uploaded again");
    }

    @Test
    void theSpecTravelsRewrittenWithItsFiles(@TempDir Path dir) throws IOException {
        Path spec = FakeTitans.spec(dir.resolve("local"), "quick start", "ok");
        Path w = Files.createDirectories(dir.resolve("w"));
        String remote = staging("0.1.0").shipSpec(w.toString(), w + "/jobs/1", spec, 0);
        assertEquals(w + "/jobs/1/quick_start.prune", remote);
        String text = Files.readString(Path.of(remote));
        String cached = w + "/cache/" + ContentKeys.file(dir.resolve("local/models/tiny.tt")) + ".tt";
        assertTrue(text.contains("weights \"" + cached + "\""), text);
        assertEquals("weights-bytes", Files.readString(Path.of(cached)));
    }

    @Test
    void cacheNamesKeepOnlyPlainExtensions(@TempDir Path dir) throws IOException {
        assertEquals(".tt", Staging.extension(Files.writeString(dir.resolve("m.tt"), "x")));
        assertEquals(".safetensors", Staging.extension(Files.writeString(dir.resolve("m.safetensors"), "x")));
        assertEquals("", Staging.extension(Files.writeString(dir.resolve("odd.$(rm -rf x)"), "x")));
        assertEquals("", Staging.extension(Files.writeString(dir.resolve(".hidden"), "x")));
        assertEquals("", Staging.extension(Files.createDirectories(dir.resolve("data.d"))));
    }
}
