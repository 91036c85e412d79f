package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.tinytitans.engine.job.ExitCodes;

/**
 * Where remote-side commands run: over ssh on a host, or on this machine (a Slurm login node that is this
 * machine). Scripts are POSIX sh; every value inside them is quoted with {@link ShellQuote}.
 */
interface Transport {

    /** For messages: the host name, or "this machine". */
    String where();

    /** A process running {@code sh -c script} on the remote side (stdin, stdout and stderr are this side's pipes). */
    ProcessBuilder shell(String script);

    /** Copies a local file to an absolute remote path, atomically (a temporary name, then rename). */
    void upload(Path file, String remotePath) throws IOException;

    /** Copies a local folder's contents to an absolute remote path that must not exist yet, atomically. */
    void uploadDir(Path dir, String remotePath) throws IOException;

    /** Copies a remote folder to a local path that does not exist yet. */
    void download(String remoteDir, Path local) throws IOException;

    default Exec.Result run(String script, Duration timeout) throws IOException {
        return Exec.run(shell(script), timeout);
    }

    /** Runs a script that must succeed; a failure becomes a RemoteException saying what was being done. */
    default Exec.Result check(String what, String script, Duration timeout) throws IOException {
        Exec.Result r = run(script, timeout);
        if (!r.ok()) throw failure(what, r);
        return r;
    }

    default RemoteException failure(String what, Exec.Result r) {
        return new RemoteException(what + " on " + where() + " failed (" + ExitCodes.describe(r.exit()) + ")"
                + (r.complaint().isEmpty() ? "" : ": " + r.complaint()));
    }
}
