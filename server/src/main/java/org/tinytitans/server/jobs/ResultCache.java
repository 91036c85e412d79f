package org.tinytitans.server.jobs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finished results on disk, in {@code .titans/} beside the spec, keyed by a hash of the spec text: an unchanged
 * spec is not run again, and the editor shows the last results after a restart. Written with an atomic rename
 * so a crash never leaves half a file.
 */
public final class ResultCache {
    private static final Logger LOG = Logger.getLogger(ResultCache.class.getName());
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private ResultCache() {}

    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** .titans/NAME.HASH.results.json beside the spec. */
    public static Path file(Path spec, String hash) {
        Path dir = spec.toAbsolutePath().getParent().resolve(".titans");
        return dir.resolve(spec.getFileName() + "." + hash + ".results.json");
    }

    public static Optional<JobResults> load(Path spec, String text) {
        if (spec == null) return Optional.empty();
        String hash = hash(text);
        Path f = file(spec, hash);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JobResults r = GSON.fromJson(Files.readString(f), JobResults.class);
            if (r == null || !hash.equals(r.specHash()) || !text.equals(r.specText())) return Optional.empty();
            return Optional.of(r);
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "ignoring unreadable result cache " + f, e);
            return Optional.empty();
        }
    }

    public static void save(Path spec, JobResults results) {
        if (spec == null) return;
        Path f = file(spec, results.specHash());
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".results", ".tmp");
            Files.writeString(tmp, GSON.toJson(results));
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not cache results in " + f, e);
        }
    }
}
