package org.tinytitans.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process over stdio: the packaged jar (`java -jar server/target/titans-server.jar`, built by
 * the main build before this suite runs), or the same main class on the test class path when the jar is not
 * built yet. Abused, it answers errors and stays up; `exit` and a closed stdin both end it.
 */
@Reliability
class StdioProcessTest {
    static final Path JAR = Path.of("target", "titans-server.jar");

    @TempDir
    Path dir;

    Process start() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-Dai.djl.offline=true");
        if (Files.isRegularFile(JAR) && Files.isDirectory(JAR.resolveSibling("lib"))) {
            cmd.add("-jar");
            cmd.add(JAR.toAbsolutePath().toString());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path").replace(File.pathSeparator + File.pathSeparator, File.pathSeparator));
            cmd.add("org.tinytitans.server.TitansServerLauncher");
        }
        System.out.println("stdio server: " + (cmd.contains("-jar") ? "the packaged jar" : "class path (jar not built)"));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    @Test
    void abusedOverStdioThenExitsCleanly() throws Exception {
        Process p = start();
        int faults = 0;
        try (RawWire c = new RawWire(p.getInputStream(), p.getOutputStream())) {
            int init = c.request("initialize", "{\"processId\":null,\"capabilities\":{},\"initializationOptions\":{\"runOnSave\":false}}");
            assertTrue(c.response(init, 60).getAsJsonObject("result").has("capabilities"));
            c.notify("initialized", "{}");
            c.frame("{not json");
            c.raw("Content-Length: zz\r\n\r\n");
            c.frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":7}}");
            JsonObject unknown = c.response(c.request("titans/nothing", "{}"), 30);
            assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt());
            faults += 4;
            c.notify("textDocument/didOpen", LoadTest.open("untitled:a.prune", 1, LoadTest.SPEC));
            JsonObject hover = c.response(c.request("textDocument/hover", LoadTest.at("untitled:a.prune", 1, 10)), 60);
            assertTrue(hover.toString().contains("ResNet"), hover.toString());
            JsonObject far = c.response(c.request("textDocument/completion", LoadTest.at("untitled:a.prune", 2147483647, 2147483647)), 60);
            assertFalse(far.has("error"), far.toString());
            faults++;
            assertFalse(c.response(c.request("shutdown", "null"), 30).has("error"));
            c.notify("exit", "null");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server exits after exit");
            assertEquals(0, p.exitValue(), "exit code after shutdown and exit; stderr:\n" + Files.readString(dir.resolve("stderr.txt")));
        } finally {
            p.destroyForcibly();
        }
        Figures.record("stdio process: abuse then exit", faults, 6, 0, faults);
    }

    @Test
    void closedStdinEndsTheProcess() throws Exception {
        Process p = start();
        try {
            p.getOutputStream().write("Content-Length: 5\r\n\r\n{\"a\"".getBytes());
            p.getOutputStream().close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server ends when its client goes away");
        } finally {
            p.destroyForcibly();
        }
        Figures.record("stdio process: client vanishes mid-message", 1, 0, 0, 1);
    }
}
