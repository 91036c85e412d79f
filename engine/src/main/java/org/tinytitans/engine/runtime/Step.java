package org.tinytitans.engine.runtime;

/** One source of libtorch as tried: its name as users see it ("PYTORCH_LIBRARY_PATH", "python3's torch"), what was found. */
public record Step(String source, String found, boolean chosen) {

    public String line() {
        return (chosen ? "-> " : "   ") + source + ": " + found;
    }
}
