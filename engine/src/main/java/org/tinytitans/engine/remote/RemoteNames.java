package org.tinytitans.engine.remote;

import java.util.regex.Pattern;

/**
 * Validates names that come from a spec before they reach ssh, sbatch or a remote shell. Each check throws
 * {@link RemoteException} with a message naming the value and what is allowed.
 */
public final class RemoteNames {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._@-]+");
    private static final Pattern SLURM_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    // [days-]hours[:minutes[:seconds]] or minutes, as sbatch --time accepts.
    private static final Pattern TIME = Pattern.compile("(\\d{1,4}-)?\\d{1,5}(:\\d{1,2}){0,2}");

    private RemoteNames() {}

    /** An ssh destination ("host", "user@host", an alias from ~/.ssh/config); never an option. */
    public static String host(String host) {
        if (host == null || host.isEmpty()) throw new RemoteException("target ssh needs a host: target ssh \"user@host\"");
        if (host.startsWith("-") || !HOST.matcher(host).matches() || host.indexOf('@') != host.lastIndexOf('@')
                || host.endsWith("@")) {
            throw new RemoteException("invalid ssh host " + show(host)
                    + ": use letters, digits, '.', '_', '-' and one '@' (user@host), not starting with '-'");
        }
        return host;
    }

    public static String partition(String partition) {
        return slurmName("partition", partition);
    }

    public static String account(String account) {
        return slurmName("account", account);
    }

    /** sbatch --time: "MM", "HH:MM:SS", "D-HH:MM:SS". */
    public static String time(String time) {
        if (time == null || !TIME.matcher(time).matches()) {
            throw new RemoteException("invalid Slurm time " + show(time) + ": write HH:MM:SS or D-HH:MM:SS");
        }
        return time;
    }

    public static String jobId(String id) {
        if (id == null || !JOB_ID.matcher(id).matches() || id.startsWith(".") || id.startsWith("-")) {
            throw new RemoteException("invalid job id " + show(id) + ": use letters, digits, '.', '_' and '-'");
        }
        return id;
    }

    private static String slurmName(String what, String value) {
        if (value == null || value.startsWith("-") || !SLURM_NAME.matcher(value).matches()) {
            throw new RemoteException("invalid Slurm " + what + " " + show(value) + ": use letters, digits, '.', '_' and '-'");
        }
        return value;
    }

    /** The value as it can be printed in a message: quoted, with control characters made visible. */
    static String show(String s) {
        if (s == null) return "(none)";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
