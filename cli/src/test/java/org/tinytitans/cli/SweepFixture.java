package org.tinytitans.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hand-written sweep result (five finished points, one failed) copied into a test's folder. */
final class SweepFixture {
    private SweepFixture() {}

    /** Copies result.json and spec.prune to DIR/.titans/sweep/ beside an empty DIR/sweep.prune; returns that folder. */
    static Path copyTo(Path dir) {
        try {
            Path source = Path.of(SweepFixture.class.getResource("/report/sweep/result.json").toURI()).getParent();
            Path target = Files.createDirectories(dir.resolve(".titans/sweep"));
            Files.copy(source.resolve("result.json"), target.resolve("result.json"));
            Files.copy(source.resolve("spec.prune"), target.resolve("spec.prune"));
            Files.copy(source.resolve("spec.prune"), dir.resolve("sweep.prune"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
