package org.tinytitans.engine.search;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.files.AtomicFiles;

/**
 * Finished trials and the sensitivity scan, kept beside the experiment's result ({@code search-trials.json}) and
 * rewritten atomically after each one, so a killed search resumes from what it finished. {@code fingerprint} says for
 * which spec and settings they were computed; a store of another fingerprint is ignored.
 */
public final class TrialStore {
    public static final String FILE = "search-trials.json";

    private final Path file;
    private final String fingerprint;
    private final Map<String, Trial> trials = new LinkedHashMap<>();
    private Sensitivity sensitivity;

    private TrialStore(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** The store in {@code dir}, with what an earlier run of the same fingerprint finished; null dir: memory only. */
    public static TrialStore open(Path dir, String fingerprint) throws IOException {
        TrialStore s = new TrialStore(dir == null ? null : dir.resolve(FILE), fingerprint);
        if (s.file != null && Files.isRegularFile(s.file)) {
            try {
                JsonObject o = JsonParser.parseString(Files.readString(s.file)).getAsJsonObject();
                if (fingerprint.equals(o.get("fingerprint").getAsString())) {
                    if (o.has("sensitivity")) s.sensitivity = Sensitivity.fromJson(o.getAsJsonObject("sensitivity"));
                    for (var e : o.getAsJsonArray("trials")) {
                        Trial t = Trial.fromJson(e.getAsJsonObject());
                        s.trials.put(Trial.key(t.stage(), t.plan()), t);
                    }
                }
            } catch (RuntimeException e) {
                // a damaged store is no worse than none: the search starts over
                s.trials.clear();
                s.sensitivity = null;
            }
        }
        return s;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    public int size() {
        return trials.size();
    }

    public Trial find(String stage, java.util.List<BlockPlan> plan) {
        return trials.get(Trial.key(stage, plan));
    }

    public void sensitivity(Sensitivity s) throws IOException {
        sensitivity = s;
        save();
    }

    public void add(Trial t) throws IOException {
        trials.put(Trial.key(t.stage(), t.plan()), t);
        save();
    }

    private void save() throws IOException {
        if (file == null) return;
        JsonObject o = new JsonObject();
        o.addProperty("fingerprint", fingerprint);
        if (sensitivity != null) o.add("sensitivity", sensitivity.json());
        JsonArray a = new JsonArray();
        trials.values().forEach(t -> a.add(t.json()));
        o.add("trials", a);
        Files.createDirectories(file.getParent());
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(o));
    }
}
