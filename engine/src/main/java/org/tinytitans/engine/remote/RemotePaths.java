package org.tinytitans.engine.remote;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Paths on the remote side. The workdir is resolved to an absolute path once (the remote shell expands
 * "~"); every other path the runners use is built from it with {@link #inside}, which refuses anything that
 * would leave the workdir. Absolute remote paths are limited to a plain character set so that they can be
 * handed to scp and sbatch directives without any shell or parser reading them differently.
 */
public final class RemotePaths {
    private static final Pattern PLAIN = Pattern.compile("/[A-Za-z0-9._+/~=,@-]*");

    private RemotePaths() {}

    /** {@code root} joined with the relative path {@code rel}, normalised; throws when it escapes root. */
    public static String inside(String root, String rel) {
        String base = absolute(root);
        if (rel == null || rel.isEmpty()) throw new RemoteException("empty path inside the workdir " + base);
        if (rel.startsWith("/")) throw new RemoteException("path " + RemoteNames.show(rel) + " must be relative to " + base);
        if (rel.indexOf('\0') >= 0 || rel.indexOf('\n') >= 0) throw new RemoteException("path " + RemoteNames.show(rel) + " holds a control character");
        Deque<String> parts = new ArrayDeque<>();
        for (String p : rel.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) throw new RemoteException("path " + RemoteNames.show(rel) + " leaves the workdir " + base);
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        if (parts.isEmpty()) throw new RemoteException("path " + RemoteNames.show(rel) + " names the workdir " + base + " itself");
        String joined = (base.endsWith("/") ? base : base + "/") + String.join("/", parts);
        return absolute(joined);
    }

    /** Checks an absolute remote path (as `pwd -P` printed it). */
    public static String absolute(String path) {
        if (path == null || !PLAIN.matcher(path).matches()) {
            throw new RemoteException("remote path " + RemoteNames.show(path)
                    + " must be absolute and use only letters, digits and . _ + / ~ = , @ -");
        }
        return path;
    }

    /**
     * The workdir as the remote shell must see it: "~" and "~/x" become "$HOME"/'x' so the shell expands
     * the home folder; anything else is quoted as written (relative paths are relative to the login folder).
     */
    public static String workdirWord(String workdir) {
        if (workdir == null || workdir.isBlank()) throw new RemoteException("empty workdir");
        if (workdir.indexOf('\n') >= 0 || workdir.indexOf('\0') >= 0) throw new RemoteException("workdir " + RemoteNames.show(workdir) + " holds a control character");
        if (workdir.equals("~")) return "\"$HOME\"";
        if (workdir.startsWith("~/")) return "\"$HOME\"/" + ShellQuote.quote(workdir.substring(2));
        return ShellQuote.quote(workdir);
    }

    /** A file name for a spec stem: characters outside [A-Za-z0-9._-] become '_'. */
    public static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.startsWith(".") || s.startsWith("-")) s = "_" + s;
        return s;
    }
}
