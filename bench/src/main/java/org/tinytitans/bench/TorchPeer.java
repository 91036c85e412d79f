package org.tinytitans.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The python3-torch peer process (bench/peers/torch_peer.py), one JSON command per line each way. */
public final class TorchPeer implements AutoCloseable {

    private static final Gson GSON = new Gson();
    private final Process process;
    private final BufferedReader in;
    private final OutputStream out;

    public TorchPeer(Path repo, int threads, Path log) throws IOException {
        process = new ProcessBuilder(List.of("/usr/bin/python3", repo.resolve("bench/peers/torch_peer.py").toString(),
                Integer.toString(threads))).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        out = process.getOutputStream();
    }

    public JsonObject call(Map<String, Object> command) throws IOException {
        out.write((GSON.toJson(command) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the torch peer ended (is python3-torch installed? see its log)");
        }
        JsonObject r = JsonParser.parseString(line).getAsJsonObject();
        if (r.has("error")) {
            throw new IOException("torch peer: " + r.get("error").getAsString());
        }
        return r;
    }

    /** One timed forward pass in the peer, in milliseconds. */
    public double time(String name, String mode, int batch) throws IOException {
        return call(Map.of("cmd", "time", "name", name, "mode", mode, "batch", batch, "runs", 1))
                .getAsJsonArray("ms").get(0).getAsDouble();
    }

    @Override
    public void close() {
        try {
            out.close();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // killed below
        }
        process.destroyForcibly();
    }
}
