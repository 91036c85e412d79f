package org.tinytitans.engine.runtime;

import java.nio.file.Path;

/**
 * A libtorch found on this machine: its folder, version ("2.7.1"), flavor ("cpu", "cu128", ...) and where DJL's
 * JNI glue for it comes from (null when there is none, so DJL could not use it).
 */
public record Libtorch(Path dir, String version, String flavor, String glue) {

    public boolean cuda() {
        return flavor != null && flavor.startsWith("cu");
    }

    public boolean usable() {
        return glue != null;
    }

    /** "libtorch 2.7.1 cu128 at /path". */
    public String describe() {
        return "libtorch " + (version == null ? "(version unknown)" : version) + " " + (flavor == null ? "" : flavor + " ") + "at " + dir;
    }
}
