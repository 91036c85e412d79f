package org.tinytitans.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the two language servers are started: ours from its jar, the peer from bench/peers/node_modules. */
public final class Servers {

    private Servers() {}

    public static Path serverJar(Path repo) { return repo.resolve("server/target/titans-server.jar"); }

    public static Path yamlServer(Path repo) {
        return repo.resolve("bench/peers/node_modules/yaml-language-server/bin/yaml-language-server");
    }

    /** {@code java [jvmOptions] -jar titans-server.jar}, as `titans-cli lsp` and the editor clients run it. */
    public static List<String> titansCommand(Path repo, List<String> jvmOptions) {
        List<String> c = new ArrayList<>(List.of(javaBin(), "-Dai.djl.offline=true"));
        c.addAll(jvmOptions);
        c.addAll(List.of("-jar", serverJar(repo).toString()));
        return c;
    }

    public static List<String> yamlCommand(Path repo) {
        return List.of("node", yamlServer(repo).toString(), "--stdio");
    }

    /**
     * Our server with diagnostics un-debounced (debounceMs 0: the time measured is the work, not the pause after
     * typing) and no on-save jobs.
     */
    public static JsonObject titansOptions() {
        return JsonParser.parseString("{\"runOnSave\": false, \"debounceMs\": 0}").getAsJsonObject();
    }

    public static EditorSession titans(Path repo, Path work, List<String> jvmOptions) throws IOException {
        return EditorSession.start("titans-server", "prune", titansCommand(repo, jvmOptions), Map.of(), log(work, "titans-server"));
    }

    public static EditorSession yaml(Path repo, Path work) throws IOException {
        if (!Files.isRegularFile(yamlServer(repo))) {
            throw new IOException("the peer is not installed: run `npm ci --prefix bench/peers` (bench/run does)");
        }
        return EditorSession.start("yaml-language-server", "yaml", yamlCommand(repo), Map.of(), log(work, "yaml-language-server"));
    }

    static Path log(Path work, String name) throws IOException {
        Files.createDirectories(work);
        return work.resolve(name + ".stderr.log");
    }

    static String javaBin() {
        String home = System.getProperty("java.home");
        return home == null ? "java" : Path.of(home, "bin", "java").toString();
    }
}
