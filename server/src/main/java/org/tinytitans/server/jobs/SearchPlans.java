package org.tinytitans.server.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tinytitans.engine.report.ExperimentResult;
import org.tinytitans.engine.report.ReportException;
import org.tinytitans.engine.report.ResultReader;
import org.tinytitans.engine.report.SearchResult;

/**
 * The ratio searches of a spec's last run, by experiment name, read from its result.json (the job's, else the one
 * beside the spec, {@code .titans/<stem>/result.json}) and kept until that file changes: inlay hints and code actions
 * ask on every scroll, and read the parsed copy.
 */
public final class SearchPlans {
    private static final Logger LOG = Logger.getLogger(SearchPlans.class.getName());

    private record Stamp(long modified, long size) {}

    private record Entry(Stamp stamp, Map<String, SearchResult> searches) {}

    private static final Map<Path, Entry> CACHE = new ConcurrentHashMap<>();

    private SearchPlans() {}

    /** Searches with a chosen plan, by experiment name (a sweep's first searched point); empty when there are none. */
    public static Map<String, SearchResult> of(Path spec, JobResults results) {
        Path file = resultFile(spec, results);
        if (file == null) return Map.of();
        Stamp stamp;
        try {
            stamp = new Stamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file));
        } catch (IOException e) {
            return Map.of();
        }
        Entry e = CACHE.get(file);
        if (e != null && e.stamp().equals(stamp)) return e.searches();
        Map<String, SearchResult> searches = new LinkedHashMap<>();
        try {
            for (ExperimentResult x : ResultReader.read(file).experiments()) {
                if (x.search() != null && x.search().chosenTrial() != null) searches.putIfAbsent(x.name(), x.search());
            }
        } catch (ReportException ex) {
            LOG.log(Level.FINE, "no search plans in unreadable " + file + ": " + ex.getMessage());
        }
        Map<String, SearchResult> kept = Map.copyOf(searches);
        CACHE.put(file, new Entry(stamp, kept));
        return kept;
    }

    private static Path resultFile(Path spec, JobResults r) {
        if (spec == null) return null;
        if (r != null && r.resultFile() != null) {
            Path p = spec.toAbsolutePath().getParent().resolve(r.resultFile());
            if (Files.isRegularFile(p)) return p;
        }
        Path beside = ResultReader.locate(spec);
        return Files.isRegularFile(beside) ? beside : null;
    }
}
