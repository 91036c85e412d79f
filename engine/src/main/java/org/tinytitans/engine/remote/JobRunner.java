package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts a job: `titans-cli run --events SPEC` (docs/events.md) on this machine, an SSH host or a Slurm
 * cluster. All runners speak the same event protocol; the handle streams events to the options' listener.
 */
public interface JobRunner {

    /**
     * Starts running the spec file. Preparing a remote (upload, install) happens here, so a bad host,
     * missing java or incompatible titans-cli fails with a {@link RemoteException} before any job exists.
     */
    JobHandle start(Path spec, JobOptions options) throws IOException;
}
