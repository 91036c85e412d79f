package org.tinytitans.engine.train;

/** Receives progress of long phases (scoring, fine-tuning epochs, latency runs); the CLI and jobs render it. */
public interface Progress {

    /** {@code done} of {@code total} units of {@code phase} finished; {@code detail} is a short human line or null. */
    void update(String phase, long done, long total, String detail);

    Progress NONE = (phase, done, total, detail) -> { };
}
