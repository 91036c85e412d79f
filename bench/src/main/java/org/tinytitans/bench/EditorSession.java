package org.tinytitans.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One language server under test, driven like an editor would: open documents, type (incremental didChange),
 * ask for completion, hover and inlay hints, and wait for the diagnostics of a given document version. Every
 * call returns how long it took in milliseconds, measured from just before the message is written until the
 * answer (or the diagnostics) has been read and parsed.
 */
public final class EditorSession implements AutoCloseable {

    private record Waiter(int version, CompletableFuture<JsonObject> done) {}

    private final String name;
    private final String languageId;
    private final LspClient client;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> published = new ConcurrentHashMap<>();
    private volatile JsonObject capabilities;

    private EditorSession(String name, String languageId, LspClient client) {
        this.name = name;
        this.languageId = languageId;
        this.client = client;
        client.onNotification(m -> {
            if (m.get("method").getAsString().equals("textDocument/publishDiagnostics")) {
                JsonObject p = m.getAsJsonObject("params");
                String uri = p.get("uri").getAsString();
                published.put(uri, true);
                Waiter w = waiting.get(uri);
                // Our server sends the version it checked; the YAML server sends none, and since each measurement
                // waits for the previous one, the first publish after a change is that change's.
                if (w != null && (!p.has("version") || p.get("version").isJsonNull() || p.get("version").getAsInt() >= w.version())) {
                    waiting.remove(uri, w);
                    w.done().complete(p);
                }
            }
        });
        // workspace/configuration: settings that turn every YAML feature on; anything else gets null.
        client.onServerRequest(m -> {
            if (m.get("method").getAsString().equals("workspace/configuration")) {
                JsonArray out = new JsonArray();
                for (JsonElement item : m.getAsJsonObject("params").getAsJsonArray("items")) {
                    JsonElement section = item.getAsJsonObject().get("section");
                    out.add(section != null && section.getAsString().equals("yaml")
                            ? JsonParser.parseString("{\"validate\":true,\"hover\":true,\"completion\":true,\"schemaStore\":{\"enable\":false}}")
                            : new JsonObject());
                }
                return out;
            }
            return com.google.gson.JsonNull.INSTANCE;
        });
    }

    /** Starts the server process and answers nothing yet; {@link #initialize} does the handshake. */
    public static EditorSession start(String name, String languageId, List<String> command, Map<String, String> env, Path log) throws IOException {
        return new EditorSession(name, languageId, LspClient.start(command, env, log));
    }

    public String name() { return name; }

    public long pid() { return client.pid(); }

    /** initialize + initialized; returns the milliseconds until the initialize answer arrived. */
    public double initialize(Path root, JsonObject initializationOptions) {
        JsonObject p = new JsonObject();
        p.addProperty("processId", ProcessHandle.current().pid());
        p.addProperty("rootUri", root.toUri().toString());
        p.add("capabilities", JsonParser.parseString("""
            {"textDocument": {"synchronization": {"didSave": true},
                              "completion": {"completionItem": {"snippetSupport": false}},
                              "hover": {"contentFormat": ["markdown", "plaintext"]},
                              "inlayHint": {},
                              "publishDiagnostics": {"versionSupport": true}},
             "workspace": {"configuration": true, "didChangeConfiguration": {"dynamicRegistration": false}}}
            """));
        if (initializationOptions != null) {
            p.add("initializationOptions", initializationOptions);
        }
        long t = System.nanoTime();
        JsonElement result = client.call("initialize", p, 120);
        double ms = (System.nanoTime() - t) / 1e6;
        capabilities = result.getAsJsonObject().getAsJsonObject("capabilities");
        client.notify("initialized", new JsonObject());
        client.notify("workspace/didChangeConfiguration", JsonParser.parseString("{\"settings\":{}}"));
        return ms;
    }

    public boolean supports(String capability) {
        JsonElement c = capabilities == null ? null : capabilities.get(capability);
        return c != null && !c.isJsonNull() && !(c.isJsonPrimitive() && !c.getAsBoolean());
    }

    /** Opens a document and waits for its first diagnostics; returns the milliseconds that took. */
    public double open(String uri, String text) {
        CompletableFuture<JsonObject> f = expect(uri, 1);
        JsonObject item = new JsonObject();
        item.addProperty("uri", uri);
        item.addProperty("languageId", languageId);
        item.addProperty("version", 1);
        item.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", item);
        long t = System.nanoTime();
        client.notify("textDocument/didOpen", p);
        versions.put(uri, 1);
        await(f, uri);
        return (System.nanoTime() - t) / 1e6;
    }

    /** Replaces a range on one line with {@code text} (as typing would) and waits for that version's diagnostics. */
    public double editAndAwaitDiagnostics(String uri, int line, int from, int to, String text) {
        int version = versions.merge(uri, 1, Integer::sum);
        CompletableFuture<JsonObject> f = expect(uri, version);
        JsonObject p = didChange(uri, version, range(line, from, line, to), text);
        long t = System.nanoTime();
        client.notify("textDocument/didChange", p);
        await(f, uri);
        return (System.nanoTime() - t) / 1e6;
    }

    /** Replaces a range (lines and characters) with {@code text} and returns at once, as typing does; diagnostics are not awaited. */
    public void change(String uri, int fromLine, int fromCharacter, int toLine, int toCharacter, String text) {
        int version = versions.merge(uri, 1, Integer::sum);
        client.notify("textDocument/didChange", didChange(uri, version, range(fromLine, fromCharacter, toLine, toCharacter), text));
    }

    /** The params of a didChange that replaces {@code range} with {@code text} in {@code version}. */
    private static JsonObject didChange(String uri, int version, JsonObject range, String text) {
        JsonObject change = new JsonObject();
        change.add("range", range);
        change.addProperty("text", text);
        JsonArray changes = new JsonArray();
        changes.add(change);
        JsonObject doc = new JsonObject();
        doc.addProperty("uri", uri);
        doc.addProperty("version", version);
        JsonObject p = new JsonObject();
        p.add("textDocument", doc);
        p.add("contentChanges", changes);
        return p;
    }

    /** Completion at a position; fails when the server offers nothing (a benchmark of an empty answer is no benchmark). */
    public double completion(String uri, int line, int character) {
        return timed("textDocument/completion", position(uri, line, character), r -> items(r) > 0);
    }

    public double hover(String uri, int line, int character) {
        return timed("textDocument/hover", position(uri, line, character), r -> r != null && !r.isJsonNull());
    }

    public double inlayHints(String uri, int fromLine, int toLine) {
        JsonObject p = new JsonObject();
        p.add("textDocument", id(uri));
        p.add("range", range(fromLine, 0, toLine, 0));
        return timed("textDocument/inlayHint", p, r -> r != null && r.isJsonArray() && r.getAsJsonArray().size() > 0);
    }

    private double timed(String method, JsonObject params, java.util.function.Predicate<JsonElement> useful) {
        long t = System.nanoTime();
        JsonElement r = client.call(method, params, 60);
        double ms = (System.nanoTime() - t) / 1e6;
        if (!useful.test(r)) {
            throw new IllegalStateException(name + ": " + method + " gave an empty answer: " + r);
        }
        return ms;
    }

    private static int items(JsonElement r) {
        if (r == null || r.isJsonNull()) {
            return 0;
        }
        return r.isJsonArray() ? r.getAsJsonArray().size() : r.getAsJsonObject().getAsJsonArray("items").size();
    }

    private CompletableFuture<JsonObject> expect(String uri, int version) {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        waiting.put(uri, new Waiter(version, f));
        return f;
    }

    private void await(CompletableFuture<JsonObject> f, String uri) {
        try {
            f.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": no diagnostics for " + uri + ": " + e, e);
        }
    }

    private static JsonObject position(String uri, int line, int character) {
        JsonObject p = new JsonObject();
        p.add("textDocument", id(uri));
        JsonObject pos = new JsonObject();
        pos.addProperty("line", line);
        pos.addProperty("character", character);
        p.add("position", pos);
        return p;
    }

    private static JsonObject id(String uri) {
        JsonObject d = new JsonObject();
        d.addProperty("uri", uri);
        return d;
    }

    private static JsonObject range(int l1, int c1, int l2, int c2) {
        return JsonParser.parseString("{\"start\":{\"line\":" + l1 + ",\"character\":" + c1 + "},\"end\":{\"line\":" + l2
                + ",\"character\":" + c2 + "}}").getAsJsonObject();
    }

    @Override
    public void close() { client.close(); }
}
