package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A powercap tree on disk, laid out as Linux does: zone dirs with name, energy_uj, max_energy_range_uj. */
final class FakeRapl {
    final Path root;

    FakeRapl(Path root) {
        this.root = root;
    }

    /** Adds a zone at a relative path, e.g. "intel-rapl:0" or "intel-rapl:0/intel-rapl:0:0". */
    FakeRapl zone(String path, String name, long energyUj, long maxUj) {
        try {
            Path dir = Files.createDirectories(root.resolve(path));
            Files.writeString(dir.resolve("name"), name + "\n");
            Files.writeString(dir.resolve("max_energy_range_uj"), maxUj + "\n");
            return energy(path, energyUj);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeRapl energy(String path, long energyUj) {
        try {
            Files.writeString(root.resolve(path).resolve("energy_uj"), energyUj + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
