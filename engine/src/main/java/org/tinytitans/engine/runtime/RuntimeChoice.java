package org.tinytitans.engine.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * The libtorch a job will use and why: the source that won, the libtorch (null for DJL's download and for the
 * bundled natives before they are unpacked), every step tried in order, or a failure sentence naming them all.
 */
public record RuntimeChoice(Source source, Libtorch lib, Path bundledJar, List<Step> steps, String failure) {

    /** The sources in the order they are tried, named as users see them. */
    public enum Source {
        USER("the folder you gave"), PYTHON("python3's PyTorch"), CACHE("DJL's cache"), DOWNLOAD("DJL's download"),
        BUNDLED("the bundled CPU natives");

        public final String label;

        Source(String label) {
            this.label = label;
        }
    }

    public boolean failed() {
        return failure != null;
    }

    /** "PYTORCH_LIBRARY_PATH: not set; python3's torch: ...". */
    public String tried() {
        return Step.join(steps);
    }
}
