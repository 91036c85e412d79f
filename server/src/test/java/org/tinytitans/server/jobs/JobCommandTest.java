package org.tinytitans.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.server.settings.TitansSettings;

class JobCommandTest {
    @Test
    void defaultIsTheEngineInAFreshJvmWithTheJobJavaOptions() {
        TitansSettings s = new TitansSettings();
        s.merge(JsonParser.parseString("{\"jobJavaOptions\": [\"-Xmx2g\"]}"));
        List<String> cmd = JobCommand.of(s, Path.of("/w/a.prune"));
        assertTrue(cmd.get(0).endsWith("java"), cmd.get(0));
        assertEquals(List.of("-Xmx2g", "-Dai.djl.offline=true", "-cp"), cmd.subList(1, 4));
        assertTrue(Path.of(cmd.get(4).split(java.io.File.pathSeparator)[0]).isAbsolute(), "class path made absolute");
        assertEquals(List.of(JobCommand.MAIN, "--events", "/w/a.prune"), cmd.subList(5, 8));
    }

    @Test
    void aConfiguredCommandGetsTheSpecPath() {
        TitansSettings s = new TitansSettings();
        s.merge(JsonParser.parseString("{\"jobCommand\": [\"ssh\", \"gpu1\", \"titans-cli run --events ${file}\", \"FILE\"]}"));
        assertEquals(List.of("ssh", "gpu1", "titans-cli run --events /w/a.prune", "/w/a.prune"), JobCommand.of(s, Path.of("/w/a.prune")));
    }
}
