package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one small sysfs/procfs file. Injected so tests can deny access even when they run as root. */
@FunctionalInterface
public interface SysfsReader {
    String read(Path file) throws IOException;

    SysfsReader FILES = file -> Files.readString(file).trim();
}
