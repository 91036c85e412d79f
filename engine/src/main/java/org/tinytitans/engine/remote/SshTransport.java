package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs commands on a host with the user's own OpenSSH client, so ~/.ssh/config, the agent and known_hosts
 * apply. BatchMode=yes: ssh never prompts (a missing key or unknown host key fails with ssh's message).
 * Host keys are always checked; this class refuses options that would switch that off.
 */
final class SshTransport implements Transport {
    private static final Duration COPY_TIMEOUT = Duration.ofHours(2);

    private final String host;
    private final List<String> options;

    SshTransport(String host, List<String> sshOptions) {
        this.host = RemoteNames.host(host);
        this.options = List.copyOf(sshOptions == null ? List.of() : sshOptions);
        for (String o : options) {
            String flat = o.toLowerCase(Locale.ROOT).replace(" ", "");
            if (flat.contains("stricthostkeychecking=no") || flat.contains("stricthostkeychecking=off")
                    || flat.contains("userknownhostsfile=/dev/null")) {
                throw new RemoteException("refusing ssh option " + RemoteNames.show(o) + ": host keys are always checked;"
                        + " add the host to known_hosts instead (ssh-keyscan, or connect once by hand)");
            }
        }
    }

    @Override
    public String where() {
        return host;
    }

    /** ssh [user options] -o BatchMode=yes -T -- HOST 'sh -c SCRIPT' */
    List<String> sshArgv(String remoteCommand) {
        List<String> argv = new ArrayList<>();
        argv.add("ssh");
        argv.addAll(options);
        argv.addAll(List.of("-o", "BatchMode=yes", "-T", "--", host, remoteCommand));
        return argv;
    }

    @Override
    public ProcessBuilder shell(String script) {
        return new ProcessBuilder(sshArgv("sh -c " + ShellQuote.quote(script)));
    }

    @Override
    public void upload(Path file, String remotePath) throws IOException {
        String p = RemotePaths.absolute(remotePath);
        String dir = p.substring(0, p.lastIndexOf('/'));
        String q = ShellQuote.quote(p);
        String script = "set -e; mkdir -p " + ShellQuote.quote(dir.isEmpty() ? "/" : dir) + "; t=" + q + ".part.$$; "
                + "cat > \"$t\"; mv -f \"$t\" " + q;
        ProcessBuilder pb = shell(script).redirectInput(file.toFile());
        Exec.Result r = Exec.run(pb, COPY_TIMEOUT);
        if (!r.ok()) throw failure("copying " + file.getFileName() + " to " + p, r);
    }

    @Override
    public void uploadDir(Path dir, String remotePath) throws IOException {
        String p = RemotePaths.absolute(remotePath);
        String q = ShellQuote.quote(p);
        // tar -h follows links, as the content key does; a concurrent job that won the race keeps its copy.
        String script = "set -e; t=" + q + ".part.$$; rm -rf \"$t\"; mkdir -p \"$t\"; tar -xf - -C \"$t\"; "
                + "mv \"$t\" " + q + " 2>/dev/null || { rm -rf \"$t\"; test -d " + q + "; }";
        ProcessBuilder tar = new ProcessBuilder("tar", "-chf", "-", "-C", dir.toString(), ".")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        List<Process> pipe = ProcessBuilder.startPipeline(List.of(tar, shell(script)));
        Exec.Result r = Exec.collect(pipe.get(1), COPY_TIMEOUT, "upload of " + dir);
        try {
            int tarExit = pipe.get(0).waitFor();
            if (tarExit != 0) throw new RemoteException("tar could not read " + dir + " (exit code " + tarExit + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!r.ok()) throw failure("copying folder " + dir + " to " + p, r);
    }

    @Override
    public void download(String remoteDir, Path local) throws IOException {
        String p = RemotePaths.absolute(remoteDir);
        List<String> argv = new ArrayList<>();
        argv.add("scp");
        argv.addAll(options);
        argv.addAll(List.of("-o", "BatchMode=yes", "-q", "-r", "--", host + ":" + p, local.toString()));
        Exec.Result r = Exec.run(new ProcessBuilder(argv), COPY_TIMEOUT);
        if (!r.ok()) throw failure("copying results " + p + " back", r);
    }

    @Override
    public RemoteException failure(String what, Exec.Result r) {
        if (r.exit() == 255) {
            return new RemoteException("cannot reach " + host + " over ssh while " + what + ": " + r.complaint()
                    + " (check the host name, your key or agent, and that the host is in known_hosts)");
        }
        return Transport.super.failure(what, r);
    }
}
