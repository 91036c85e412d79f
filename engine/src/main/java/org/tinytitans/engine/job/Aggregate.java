package org.tinytitans.engine.job;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.tinytitans.engine.files.AtomicFiles;
import org.tinytitans.language.resolve.ExperimentRun;

/**
 * The job's result.json, rebuilt from every finished point on disk (experiments/ID/result.json of this spec)
 * rather than from this process's memory alone: Slurm array tasks run the points of one sweep as separate
 * processes in one folder, and each must leave a result.json that holds all points finished so far. A file
 * lock serialises the rebuilds; each write is atomic.
 */
final class Aggregate {

    private Aggregate() {}

    /**
     * @param all   every run of the spec: the document lists those with a result
     * @param asked the runs this job was asked for (all of them, or one experiment's sweep)
     * @param last  whether this process is done; the status is then "complete" or "failed" once every asked-for
     *              run has a result (other array tasks may still be running), and "interrupted" until then
     */
    static void write(Path resultFile, JsonObject doc, List<ExperimentRun> all, List<ExperimentRun> asked, String hash,
                      boolean last) throws IOException {
        Path root = resultFile.getParent();
        try (FileChannel ch = FileChannel.open(root.resolve(".result.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            JsonArray experiments = new JsonArray();
            boolean missing = false;
            boolean failed = false;
            for (ExperimentRun run : all) {
                JsonObject r = read(root.resolve("experiments").resolve(SpecJob.safeId(run.id())).resolve("result.json"), hash);
                if (r == null) {
                    missing |= asked.contains(run);
                } else {
                    experiments.add(r);
                    failed |= "failed".equals(r.get("status").getAsString());
                }
            }
            doc.add("experiments", experiments);
            doc.addProperty("status", !last || missing ? "interrupted" : failed ? "failed" : "complete");
            AtomicFiles.writeString(resultFile, SpecJob.pretty(doc));
        }
    }

    private static JsonObject read(Path f, String hash) {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonObject r = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
            return r.has("spec_hash") && r.get("spec_hash").getAsString().equals(hash) ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
