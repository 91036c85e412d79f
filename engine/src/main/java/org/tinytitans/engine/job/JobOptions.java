package org.tinytitans.engine.job;

import java.nio.file.Path;

/**
 * How to run a spec.
 *
 * @param experiment only the experiment of this name (all sweep points), or null for all
 * @param point      only the sweep point with this 0-based index among the selected runs (Slurm array tasks), or null
 * @param out        the results folder, or null for {@code .titans/<stem>} beside the spec
 * @param resume     reuse finished points of the same spec instead of running them again
 */
public record JobOptions(String experiment, Integer point, Path out, boolean resume) {

    public static JobOptions defaults() {
        return new JobOptions(null, null, null, true);
    }
}
