package org.tinytitans.engine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cache keys: the SHA-256 of a file's bytes, or of a folder's listing (relative path and content key of
 * every file, sorted), so the same content gets the same key on every machine and a renamed or touched
 * file is not uploaded again.
 */
public final class ContentKeys {
    private ContentKeys() {}

    public static String of(Path path) throws IOException {
        return Files.isDirectory(path) ? folder(path) : file(path);
    }

    public static String file(Path file) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    public static String folder(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder listing = new StringBuilder("titans-folder/1\n");
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            listing.append(rel).append('\0').append(file(f)).append('\n');
        }
        return text(listing.toString());
    }

    public static String text(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
