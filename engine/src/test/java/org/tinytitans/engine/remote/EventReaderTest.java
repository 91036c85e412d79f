package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    private static JobEvent parse(String json) {
        return EventReader.parse(json).orElseThrow(() -> new AssertionError("not parsed: " + json));
    }

    @Test
    void everyKindOfTheProtocol() {
        assertEquals(new JobEvent.Started("q.prune", List.of("a", "b"), 42L),
                parse("{\"v\":1,\"event\":\"started\",\"time\":\"t\",\"spec\":\"q.prune\",\"experiments\":[\"a\",\"b\"],\"pid\":42}"));
        assertEquals(new JobEvent.Phase("a", "finetune", "epoch 1"),
                parse("{\"v\":1,\"event\":\"phase\",\"experiment\":\"a\",\"phase\":\"finetune\",\"message\":\"epoch 1\"}"));
        assertEquals(new JobEvent.Progress("a", "scoring", 3, 10, null),
                parse("{\"v\":1,\"event\":\"progress\",\"experiment\":\"a\",\"phase\":\"scoring\",\"done\":3,\"total\":10,\"detail\":null}"));
        assertEquals(new JobEvent.Metric("a", "pruned", "flops", 1.5e6, "FLOPs", 12),
                parse("{\"v\":1,\"event\":\"metric\",\"experiment\":\"a\",\"which\":\"pruned\",\"name\":\"flops\",\"value\":1.5e6,\"unit\":\"FLOPs\",\"line\":12}"));
        assertEquals(new JobEvent.Expect("a", 18, "flops <= 60%", true, "50% of baseline"),
                parse("{\"v\":1,\"event\":\"expect\",\"experiment\":\"a\",\"line\":18,\"text\":\"flops <= 60%\",\"passed\":true,\"actual\":\"50% of baseline\"}"));
        assertEquals(new JobEvent.Log("warning", "no RAPL"),
                parse("{\"v\":1,\"event\":\"log\",\"level\":\"warning\",\"message\":\"no RAPL\"}"));
        JobEvent.Result r = (JobEvent.Result) parse("{\"v\":1,\"event\":\"result\",\"experiment\":\"a\",\"result\":{\"status\":\"complete\"}}");
        assertEquals("complete", r.result().get("status").getAsString());
        assertEquals(new JobEvent.Failed(null, "bad spec", 3, 7),
                parse("{\"v\":1,\"event\":\"failed\",\"experiment\":null,\"message\":\"bad spec\",\"line\":3,\"column\":7}"));
        assertEquals(new JobEvent.Finished(0, ".titans/q/result.json"),
                parse("{\"v\":1,\"event\":\"finished\",\"exitCode\":0,\"resultFile\":\".titans/q/result.json\"}"));
    }

    @Test
    void unknownEventsFieldsAndNoiseAreSkipped() {
        assertTrue(EventReader.parse("{\"v\":1,\"event\":\"hologram\",\"x\":1}").isEmpty());
        assertTrue(EventReader.parse("Welcome to the cluster!").isEmpty());
        assertTrue(EventReader.parse("[1,2]").isEmpty());
        assertTrue(EventReader.parse("{\"v\":1,\"event\":\"finished\",\"exitCode\":\"zero\"}").isEmpty());
        assertTrue(EventReader.parse("{\"v\":1,\"event\":\"metric\",\"name\":\"flops\"}").isEmpty(), "a metric without a value");
        assertTrue(EventReader.parse("{\"v\":1,\"event\":\"fin").isEmpty(), "a line cut short");
        assertEquals(new JobEvent.Finished(3, null), parse("{\"v\":1,\"event\":\"finished\",\"exitCode\":3,\"newField\":{\"a\":1}}"));
    }

    @Test
    void aNewerProtocolVersionIsAFailureNotAGuess() {
        JobEvent e = parse("{\"v\":2,\"event\":\"finished\",\"exitCode\":0}");
        assertTrue(e instanceof JobEvent.Failed f && f.message().contains("version 2"), e.toString());
    }

    @Test
    void aStreamIsReadInOrderAndForwarded() throws IOException {
        List<String> seen = new ArrayList<>();
        EventReader reader = new EventReader(e -> seen.add(e.kind()));
        String stream = """
                {"v":1,"event":"started","spec":"q.prune","experiments":["q"],"pid":1}
                ssh banner noise
                {"v":1,"event":"unknown-thing"}
                {"v":1,"event":"failed","experiment":"q","message":"accuracy drop 9% > 2%","line":20,"column":3}
                {"v":1,"event":"finished","exitCode":1,"resultFile":null}
                """;
        reader.readAll(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("started", "failed", "finished"), seen);
        assertEquals(2, reader.skipped());
        assertEquals(List.of(new JobEvent.Finished(1, null)), reader.finishes());
        assertEquals("accuracy drop 9% > 2%", reader.failures().get(0).message());
    }

    @Test
    void aStreamWithoutFinishedHasNoFinish() throws IOException {
        EventReader reader = new EventReader(null);
        reader.readAll(new ByteArrayInputStream("{\"v\":1,\"event\":\"started\",\"pid\":1}\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(reader.events().isEmpty());
        assertTrue(reader.finishes().isEmpty());
    }
}
