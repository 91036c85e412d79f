package org.tinytitans.server.reliability;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that speaks raw JSON-RPC bytes, so it can also send what no LSP4J client would: broken headers,
 * invalid JSON, wrong types. A reader thread collects every framed message the server writes.
 */
final class RawWire implements AutoCloseable {
    private final OutputStream out;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    /** Messages a wait passed over (notifications seen while waiting for a response), for later waits. */
    private final java.util.Deque<JsonObject> passed = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Thread reader;

    RawWire(InputStream fromServer, OutputStream toServer) {
        this.out = toServer;
        reader = new Thread(() -> read(fromServer), "raw-wire-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends raw bytes, exactly as given. */
    synchronized void raw(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends one well-framed message body (any text, valid JSON or not). */
    void frame(String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
        }
    }

    /** Sends a request and returns its id. */
    int request(String method, String paramsJson) throws IOException {
        int id = ids.incrementAndGet();
        frame("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return id;
    }

    void notify(String method, String paramsJson) throws IOException {
        frame("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    }

    /** The response to a request id, skipping notifications and server requests; fails after the limit. */
    JsonObject response(int id, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) throw new AssertionError("no response to request " + id + " within " + seconds + " s");
            if (m.has("id") && !m.has("method") && !m.get("id").isJsonNull() && m.get("id").getAsInt() == id) return m;
            if (m.has("id") && m.has("method")) answerServerRequest(m);
            else passed.add(m);
        }
    }

    /** The next message the server sent that satisfies the condition (a response with a null id, a notification). */
    JsonObject next(java.util.function.Predicate<JsonObject> condition, long seconds) throws InterruptedException {
        for (JsonObject m : passed) {
            if (condition.test(m)) {
                passed.remove(m);
                return m;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) return null;
            if (condition.test(m)) return m;
            if (m.has("id") && m.has("method")) answerServerRequest(m);
        }
    }

    /** Round trip: the server is alive and in sync if it answers a fresh well-formed request. */
    JsonObject ping() throws Exception {
        int id = request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"untitled:ping.prune\"}}");
        return response(id, 30);
    }

    private void answerServerRequest(JsonObject m) {
        try {
            frame("{\"jsonrpc\":\"2.0\",\"id\":" + m.get("id") + ",\"result\":null}");
        } catch (IOException ignored) {
            // the server went away; the test's next wait reports it
        }
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = headerLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                if (length < 0) throw new IOException("server sent a message without Content-Length");
                byte[] body = in.readNBytes(length);
                if (body.length < length) return;
                received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            // stream closed, or the server wrote something that is not JSON-RPC: visible as missing responses
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new IOException("end of stream");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
