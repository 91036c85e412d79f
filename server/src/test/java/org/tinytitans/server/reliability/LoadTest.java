package org.tinytitans.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Load over the real JSON-RPC stream: a 10 MB document, and 1,000 edits per second for 10 seconds. The server
 * keeps answering, ends with the right text, and its heap comes back flat: measured after GC before and after,
 * with a generous bound (nothing here asserts a time).
 */
@Reliability
class LoadTest {
    static final String URI = "untitled:load.prune";
    static final String SPEC = "experiment e {\n  model resnet56\n  prune filters { criterion l11; ratio 50% }\n  measure flops\n}\n";
    static final long HEAP_SLACK = 96L << 20;

    @Test
    void tenMegabyteDocumentIsServedAndForgotten() throws Exception {
        try (Wire w = new Wire().initialized()) {
            RawWire c = w.client;
            c.ping();
            long before = heapAfterGc();
            StringBuilder big = new StringBuilder();
            for (int i = 0; big.length() < 10 << 20; i++) {
                big.append("# filler line ").append(i).append(" ").append("x".repeat(100)).append('\n');
                if (i % 100 == 0) big.append("experiment e").append(i).append(" {\n  model resnet56\n  prune filters { criterion l1; ratio 50% }\n}\n");
            }
            String text = big.toString();
            int lines = (int) text.chars().filter(ch -> ch == '\n').count();
            c.notify("textDocument/didOpen", open(URI, 1, text));
            JsonObject symbols = c.response(c.request("textDocument/documentSymbol", id(URI)), 120);
            assertTrue(symbols.getAsJsonArray("result").size() > 700, "every experiment is a symbol");
            JsonObject hover = c.response(c.request("textDocument/hover", at(URI, lines - 2, 11)), 120);
            assertFalse(hover.has("error"), hover.toString());
            JsonObject completion = c.response(c.request("textDocument/completion", at(URI, lines - 2, 28)), 120);
            assertFalse(completion.has("error"), completion.toString());
            JsonObject diagnostics = c.next(m -> "textDocument/publishDiagnostics".equals(str(m, "method"))
                    && URI.equals(m.getAsJsonObject("params").get("uri").getAsString()), 120);
            assertNotNull(diagnostics, "diagnostics for the 10 MB document");
            c.notify("textDocument/didClose", id(URI));
            text = null;
            big = null;
            c.ping();
            long after = heapAfterGc();
            System.out.printf("10 MB document: heap %d MB before, %d MB after closing%n", before >> 20, after >> 20);
            assertTrue(after - before < HEAP_SLACK, "heap grew by " + ((after - before) >> 20) + " MB after closing the 10 MB document");
        }
        Figures.record("load: 10 MB document", 1, 4, 0, 0);
    }

    @Test
    void thousandEditsPerSecondForTenSeconds() throws Exception {
        try (Wire w = new Wire().initialized()) {
            RawWire c = w.client;
            c.notify("textDocument/didOpen", open(URI, 1, SPEC));
            JsonObject first = c.next(m -> diagnosticsOf(m, 1), 30);
            assertNotNull(first, "diagnostics of the opened document");
            Random r = new Random(7);
            int version = 1;
            for (int i = 0; i < 500; i++) version = edit(c, r, version); // warm up before measuring
            c.ping();
            long before = heapAfterGc();
            long start = System.nanoTime();
            for (int second = 0; second < 10; second++) {
                for (int k = 0; k < 1000; k++) {
                    version = edit(c, r, version);
                    // pace: edit n goes out at n ms, so the rate is 1,000 per second however fast the pipe is
                    long due = start + ((second * 1000L + k + 1) * 1_000_000L);
                    long wait = due - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                }
            }
            int last = version;
            JsonObject answer = c.ping();
            assertFalse(answer.has("error"), answer.toString());
            // Every insert was undone by the next edit: the final diagnostics are the first ones, for the last version.
            JsonObject finalDiagnostics = c.next(m -> diagnosticsOf(m, last), 60);
            assertNotNull(finalDiagnostics, "diagnostics for the last version " + last);
            assertEquals(first.getAsJsonObject("params").get("diagnostics"), finalDiagnostics.getAsJsonObject("params").get("diagnostics"));
            long after = heapAfterGc();
            System.out.printf("edit flood: %d edits, heap %d MB before, %d MB after%n", last - 501, before >> 20, after >> 20);
            assertTrue(after - before < HEAP_SLACK, "heap grew by " + ((after - before) >> 20) + " MB over 10,000 edits");
            assertTrue(w.exits.isEmpty());
        }
        Figures.record("load: edits at 1,000/s for 10 s", 1, 0, 10_000, 0);
    }

    /** Inserts a random character at a random place on an odd version, removes it on the next. */
    private int pending = -1;
    private int pendingLine;

    int edit(RawWire c, Random r, int version) throws Exception {
        int v = version + 1;
        String change;
        if (pending < 0) {
            pendingLine = r.nextInt(4);
            pending = r.nextInt(10);
            change = range(pendingLine, pending, pendingLine, pending) + ",\"text\":" + new JsonPrimitive(String.valueOf((char) ('a' + r.nextInt(26))));
        } else {
            change = range(pendingLine, pending, pendingLine, pending + 1) + ",\"text\":\"\"";
            pending = -1;
        }
        c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":" + v + "},\"contentChanges\":[{" + change + "}]}");
        return v;
    }

    static String range(int l1, int c1, int l2, int c2) {
        return "\"range\":{\"start\":{\"line\":" + l1 + ",\"character\":" + c1 + "},\"end\":{\"line\":" + l2 + ",\"character\":" + c2 + "}}";
    }

    static boolean diagnosticsOf(JsonObject m, int version) {
        if (!"textDocument/publishDiagnostics".equals(str(m, "method"))) return false;
        JsonObject p = m.getAsJsonObject("params");
        return URI.equals(p.get("uri").getAsString()) && p.has("version") && p.get("version").getAsInt() == version;
    }

    static String str(JsonObject m, String key) {
        return m.has(key) && m.get(key).isJsonPrimitive() ? m.get(key).getAsString() : null;
    }

    static String open(String uri, int version, String text) {
        JsonObject item = new JsonObject();
        item.addProperty("uri", uri);
        item.addProperty("languageId", "prune");
        item.addProperty("version", version);
        item.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", item);
        return p.toString();
    }

    static String id(String uri) {
        return "{\"textDocument\":{\"uri\":\"" + uri + "\"}}";
    }

    static String at(String uri, int line, int character) {
        return "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":" + character + "}}";
    }

    /** Used heap after the collector has run to a fixed point (a few rounds: finalizers and soft references settle). */
    static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

}
