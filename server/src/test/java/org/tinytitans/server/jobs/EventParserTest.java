package org.tinytitans.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventParserTest {
    @Test
    void readsVersionOneEvents() {
        JobEvent e = EventParser.parse("{\"v\":1,\"event\":\"metric\",\"name\":\"flops\",\"value\":1.5e6,\"line\":null}").orElseThrow();
        assertEquals("metric", e.kind());
        assertEquals(1.5e6, e.number("value"));
        assertEquals(null, e.integer("line"));
    }

    @Test
    void skipsWhatIsNotAnEventOfThisVersion() {
        for (String line : List.of("", "hello", "{", "[1]", "{\"event\":\"x\"}", "{\"v\":2,\"event\":\"x\"}", "{\"v\":1}")) {
            assertTrue(EventParser.parse(line).isEmpty(), line);
        }
    }

    @Test
    void exitCodesOfSignalsAreNamed() {
        assertEquals("killed by signal 9 (SIGKILL: killed, or out of memory)", JobProcess.describeExit(137));
        assertEquals("exit code 2", JobProcess.describeExit(2));
    }
}
