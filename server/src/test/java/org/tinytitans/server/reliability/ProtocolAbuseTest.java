package org.tinytitans.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protocol abuse over real JSON-RPC streams: broken framing, invalid JSON, wrong types, unknown methods,
 * closed documents, positions out of range. Each time the server answers an error (or ignores a notification)
 * and then still answers a well-formed request: it stays up and in sync.
 */
@Reliability
class ProtocolAbuseTest {
    static final String URI = "untitled:abuse.prune";
    static final String SPEC = "experiment e {\n  model resnet56\n  prune filters { criterion l11; ratio 50% }\n}\n";
    int faults;

    @Test
    void brokenFramingIsSurvived() throws Exception {
        try (Wire w = new Wire().initialized()) {
            RawWire c = w.client;
            // Invalid JSON in a well-framed message: the body is skipped, the stream stays in sync.
            c.frame("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",");
            alive(c);
            c.frame("not json at all \u0000\u00ff");
            alive(c);
            c.frame("");
            alive(c);
            c.frame("[1, 2, 3]");
            alive(c);
            // Nesting deeper than Gson's limit: LSP4J abandons the body midway and reads the rest as headers (the
            // framing cannot tell); the server survives and resyncs at the client's next blank line.
            c.frame("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/hover\",\"params\":" + "[".repeat(20_000) + "}");
            c.raw("\r\n\r\n");
            alive(c);
            // A header block without Content-Length, a non-numeric one, a negative one, an overflowing one.
            c.raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
            alive(c);
            c.raw("Content-Length: abc\r\n\r\n");
            alive(c);
            c.raw("Content-Length: -5\r\n\r\n");
            alive(c);
            c.raw("Content-Length: 99999999999999\r\n\r\n");
            alive(c);
            // A length longer than the body: the server reads on into the next message; a later one is answered.
            c.raw("Content-Length: 200\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            c.raw(" ".repeat(200));
            alive(c);
            // A length shorter than the body: the rest is read as headers; the server resyncs at the next blank line.
            String body = "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}";
            c.raw("Content-Length: 10\r\n\r\n" + body);
            c.raw("\r\n\r\n");
            alive(c);
            // Garbage bytes between messages.
            c.raw("\u0000\u0001garbage\r\n\r\n");
            alive(c);
            assertTrue(w.exits.isEmpty(), "the server did not exit: " + w.exits);
            assertFalse(w.listening.isDone(), "the connection is still listening");
        }
        Figures.record("protocol: broken framing", faults, 0, 0, faults);
    }

    @Test
    void wrongTypesAndUnknownMethodsGetErrors() throws Exception {
        try (Wire w = new Wire().initialized()) {
            RawWire c = w.client;
            // Unknown request: MethodNotFound. Unknown notifications (with or without $/) are ignored.
            assertEquals(-32601, error(c, c.request("titans/doesNotExist", "{}")));
            c.notify("titans/unknownNotification", "{\"x\":1}");
            c.notify("$/unknownNotification", "{}");
            alive(c);
            // Wrong types: every one answers an error response for its id, none takes the server down.
            List<String> wrong = List.of(
                    "{\"textDocument\":42,\"position\":{\"line\":0,\"character\":0}}",
                    "{\"textDocument\":{\"uri\":\"" + URI + "\"},\"position\":\"here\"}",
                    "{\"textDocument\":{\"uri\":\"" + URI + "\"},\"position\":{\"line\":\"x\",\"character\":[]}}",
                    "{\"textDocument\":{\"uri\":\"" + URI + "\"},\"position\":{\"line\":1e40,\"character\":0}}",
                    "[\"positional\", 1]",
                    "\"a string\"",
                    "null");
            for (String params : wrong) {
                int id = c.request("textDocument/hover", params);
                JsonObject r = c.response(id, 30);
                assertTrue(r.has("error") || r.get("result").isJsonNull(), params + " -> " + r);
                faults++;
            }
            // Notifications with wrong types cannot be answered: they are dropped.
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":5,\"text\":{}}}");
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":\"v\"},\"contentChanges\":7}");
            c.notify("textDocument/didClose", "{}");
            c.notify("workspace/didChangeConfiguration", "{\"settings\":{\"titans\":{\"debounceMs\":\"soon\",\"jobCommand\":42,\"features\":[]}}}");
            faults += 4;
            alive(c);
            // executeCommand with no argument, a wrong argument and an unknown command: InvalidParams errors.
            assertEquals(-32602, error(c, c.request("workspace/executeCommand", "{\"command\":\"titans.estimate\"}")));
            assertEquals(-32602, error(c, c.request("workspace/executeCommand", "{\"command\":\"titans.run\",\"arguments\":[{\"x\":1}]}")));
            assertEquals(-32602, error(c, c.request("workspace/executeCommand", "{\"command\":\"titans.nope\",\"arguments\":[\"" + URI + "\"]}")));
            assertEquals(-32602, error(c, c.request("workspace/executeCommand", "{\"command\":\"titans.openReport\",\"arguments\":[\"" + URI + "\"]}")));
            faults += 5;
            // A response the server never asked for, and a request with an object id.
            c.frame("{\"jsonrpc\":\"2.0\",\"id\":424242,\"result\":{}}");
            c.frame("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"textDocument/hover\",\"params\":{}}");
            faults += 2;
            alive(c);
            assertTrue(w.exits.isEmpty(), "the server did not exit: " + w.exits);
        }
        Figures.record("protocol: wrong types, unknown methods", faults, faults, 0, faults);
    }

    @Test
    void closedDocumentsAndPositionsOutOfRange() throws Exception {
        try (Wire w = new Wire().initialized()) {
            RawWire c = w.client;
            String never = "{\"textDocument\":{\"uri\":\"untitled:never-opened.prune\"}";
            for (String method : List.of("textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/formatting",
                    "textDocument/semanticTokens/full", "textDocument/documentLink", "textDocument/codeLens")) {
                String params = method.endsWith("formatting") ? never + ",\"options\":{\"tabSize\":2,\"insertSpaces\":true}}" : never + "}";
                JsonObject r = c.response(c.request(method, params), 30);
                assertFalse(r.has("error"), method + " on a document never opened answers empty: " + r);
                faults++;
            }
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"languageId\":\"prune\",\"version\":1,\"text\":"
                    + com.google.gson.JsonParser.parseString("\"" + SPEC.replace("\n", "\\n") + "\"") + "}}");
            String[] positions = {"{\"line\":-1,\"character\":-1}", "{\"line\":2147483647,\"character\":2147483647}",
                "{\"line\":1,\"character\":2147483647}", "{\"line\":0,\"character\":-2147483648}", "{\"line\":999,\"character\":0}"};
            for (String pos : positions) {
                String at = "{\"textDocument\":{\"uri\":\"" + URI + "\"},\"position\":" + pos;
                for (String method : List.of("textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/prepareRename")) {
                    JsonObject r = c.response(c.request(method, at + "}"), 30);
                    assertFalse(r.has("error"), method + " at " + pos + ": " + r);
                    faults++;
                }
                JsonObject r = c.response(c.request("textDocument/rename", at + ",\"newName\":\"x\"}"), 30);
                assertTrue(r.has("error") || r.has("result"), r.toString());
                String range = "{\"start\":" + pos + ",\"end\":" + positions[0] + "}";
                c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":2},\"contentChanges\":[{\"range\":"
                        + range + ",\"text\":\"# edit\\n\"}]}");
                JsonObject f = c.response(c.request("textDocument/rangeFormatting", "{\"textDocument\":{\"uri\":\"" + URI + "\"},\"range\":" + range
                        + ",\"options\":{\"tabSize\":2,\"insertSpaces\":true}}"), 30);
                assertFalse(f.has("error"), "range formatting of " + range + ": " + f);
                faults += 3;
            }
            // The document survived the edits and still parses: symbols name the experiment.
            JsonObject symbols = c.response(c.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}"), 30);
            assertTrue(symbols.toString().contains("\"name\":\"e\""), symbols.toString());
            c.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
            c.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"untitled:closed.prune\",\"version\":3},\"contentChanges\":[{\"text\":\"x\"}]}");
            c.notify("textDocument/didSave", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
            JsonObject hover = c.response(c.request("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + URI + "\"},\"position\":{\"line\":0,\"character\":0}}"), 30);
            assertTrue(hover.get("result").isJsonNull(), "hover on a closed document: " + hover);
            faults += 5;
            alive(c);
        }
        Figures.record("protocol: closed documents, positions out of range", faults, faults, 0, faults);
    }

    /** The server answers a fresh request; counts the abuse that came before as one fault survived. */
    void alive(RawWire c) throws Exception {
        JsonObject r = c.ping();
        assertNotNull(r);
        assertFalse(r.has("error"), r.toString());
        faults++;
    }

    static int error(RawWire c, int id) throws Exception {
        JsonObject r = c.response(id, 30);
        assertTrue(r.has("error"), "expected an error for " + id + ": " + r);
        return r.getAsJsonObject("error").get("code").getAsInt();
    }
}
