package org.tinytitans.engine.runtime;

/** One source of libtorch as tried: its name as users see it ("PYTORCH_LIBRARY_PATH", "python3's torch"), what was found. */
public record Step(String source, String found, boolean chosen) {

    /** "PYTORCH_LIBRARY_PATH: not set; python3's torch: ..." */
    static String join(java.util.List<Step> steps) {
        return String.join("; ", steps.stream().map(s -> s.source() + ": " + s.found()).toList());
    }
}
