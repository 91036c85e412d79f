package org.tinytitans.engine.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The repository's stand-in job (tests/e2e/remote/fake-titans-cli): a real process writing real events. */
final class FakeTitans {
    private FakeTitans() {}

    static Path path() {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../tests/e2e/remote/fake-titans-cli").normalize();
        Assumptions.assumeTrue(Files.isExecutable(p), "skipped: " + p + " is missing");
        return p;
    }

    /** A spec whose weights the fake job checks, in the given mode (ok, fail, die, sleep). */
    static Path spec(Path dir, String name, String mode) throws java.io.IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/tiny.tt"), "weights-bytes");
        return Files.writeString(dir.resolve(name + ".prune"), "# fake-mode " + mode + "\n"
                + "experiment quickstart {\n  model mnist-cnn { weights \"models/tiny.tt\" }\n  prune filters { ratio 50% }\n}\n");
    }
}
