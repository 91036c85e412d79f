package org.tinytitans.bench;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A bare LSP client over a server process's stdio: Content-Length framing and JSON-RPC with Gson, nothing else,
 * so the same client (and the same overhead) drives our server and the peer. Server-to-client requests are
 * answered by {@code serverRequests} (null result by default); notifications go to the listeners.
 */
public final class LspClient implements AutoCloseable {

    private static final Gson GSON = new Gson();

    private final Process process;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonElement>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private volatile Function<JsonObject, JsonElement> serverRequests = m -> JsonNull.INSTANCE;
    private final Thread reader;

    private LspClient(Process process) {
        this.process = process;
        this.out = process.getOutputStream();
        this.reader = new Thread(this::readLoop, "lsp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server; its stderr goes to {@code log}. */
    public static LspClient start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new LspClient(pb.start());
    }

    public long pid() { return process.pid(); }

    public void onNotification(Consumer<JsonObject> listener) { listeners.add(listener); }

    public void onServerRequest(Function<JsonObject, JsonElement> handler) { serverRequests = handler; }

    public CompletableFuture<JsonElement> request(String method, Object params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonElement> f = new CompletableFuture<>();
        pending.put(id, f);
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("id", id);
        m.addProperty("method", method);
        m.add("params", GSON.toJsonTree(params));
        send(m);
        return f;
    }

    /** Sends and waits; a server error or a missing answer after {@code seconds} is an exception. */
    public JsonElement call(String method, Object params, int seconds) {
        try {
            return request(method, params).get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed: " + e, e);
        }
    }

    public void notify(String method, Object params) {
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("method", method);
        m.add("params", GSON.toJsonTree(params));
        send(m);
    }

    private synchronized void send(JsonObject message) {
        byte[] body = GSON.toJson(message).getBytes(StandardCharsets.UTF_8);
        try {
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("server input closed: " + e.getMessage(), e);
        }
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            while (true) {
                int length = -1;
                String line;
                while (!(line = header(in)).isEmpty()) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                if (length < 0) {
                    throw new IOException("message without Content-Length");
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                dispatch(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private void dispatch(JsonObject m) {
        if (m.has("method") && m.has("id")) {
            JsonObject reply = new JsonObject();
            reply.addProperty("jsonrpc", "2.0");
            reply.add("id", m.get("id"));
            reply.add("result", serverRequests.apply(m));
            send(reply);
        } else if (m.has("method")) {
            listeners.forEach(l -> l.accept(m));
        } else if (m.has("id")) {
            CompletableFuture<JsonElement> f = pending.remove(m.get("id").getAsInt());
            if (f != null) {
                if (m.has("error")) {
                    f.completeExceptionally(new IllegalStateException(m.get("error").toString()));
                } else {
                    f.complete(m.has("result") ? m.get("result") : JsonNull.INSTANCE);
                }
            }
        }
    }

    private static String header(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        throw new IOException("server output ended");
    }

    /** shutdown + exit, then waits briefly and kills the process if it is still there. */
    @Override
    public void close() {
        try {
            request("shutdown", null).get(10, TimeUnit.SECONDS);
            notify("exit", null);
        } catch (Exception ignored) {
            // a dead or hung server is killed below
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
