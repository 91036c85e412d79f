package org.tinytitans.engine.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings that do not come from the spec.
 *
 * @param sshOptions   extra ssh/scp options placed before the host (e.g. ["-F", "/path/config"]); never ones
 *                     that disable host key checking
 * @param distribution the local titans-cli build to install on hosts without one, or null
 * @param localVersion this side's version ("0.1.0") for the compatibility check; null: the distribution's
 * @param slurmHost    the Slurm login node reached over ssh, or null to call sbatch on this machine
 * @param poll         how often Slurm job state is polled
 * @param localCommand the command a local job (target cpu/gpu) runs, before `--events SPEC`; null: the
 *                     engine's JobMain in a fresh JVM on this class path ({@link LocalRunner#jobMain})
 */
public record RemoteConfig(List<String> sshOptions, Distribution distribution, String localVersion, String slurmHost,
                           Duration poll, List<String> localCommand) {
    /** TITANS_SSH_CONFIG: an ssh_config file used instead of ~/.ssh/config (ssh -F), for every ssh and scp call. */
    public static final String SSH_CONFIG_ENV = "TITANS_SSH_CONFIG";
    /** TITANS_SLURM_HOST: the Slurm login node; unset: sbatch on this machine. */
    public static final String SLURM_HOST_ENV = "TITANS_SLURM_HOST";

    public RemoteConfig {
        sshOptions = List.copyOf(sshOptions == null ? List.of() : sshOptions);
        if (slurmHost != null) RemoteNames.host(slurmHost);
        if (poll == null) poll = Duration.ofSeconds(2);
        localCommand = localCommand == null || localCommand.isEmpty() ? null : List.copyOf(localCommand);
    }

    public RemoteConfig(List<String> sshOptions, Distribution distribution, String localVersion, String slurmHost, Duration poll) {
        this(sshOptions, distribution, localVersion, slurmHost, poll, null);
    }

    /** The user's ssh setup, the build found by {@link Distribution#find()}, sbatch on this machine. */
    public static RemoteConfig defaults() {
        return new RemoteConfig(List.of(), Distribution.find().orElse(null), null, null, null);
    }

    /**
     * What `titans-cli run` and the language server use: {@link #defaults()} plus TITANS_SSH_CONFIG and
     * TITANS_SLURM_HOST from the environment (an explicit slurmHost wins), and this side's version.
     */
    public static RemoteConfig fromEnvironment(Map<String, String> env, String version, String slurmHost) {
        List<String> ssh = new ArrayList<>();
        String config = env.get(SSH_CONFIG_ENV);
        if (config != null && !config.isBlank()) ssh.addAll(List.of("-F", config.strip()));
        String host = slurmHost != null ? slurmHost : blankToNull(env.get(SLURM_HOST_ENV));
        return new RemoteConfig(ssh, Distribution.find().orElse(null), version, host, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public RemoteConfig withSshOptions(List<String> options) {
        return new RemoteConfig(options, distribution, localVersion, slurmHost, poll, localCommand);
    }

    public RemoteConfig withLocalCommand(List<String> command) {
        return new RemoteConfig(sshOptions, distribution, localVersion, slurmHost, poll, command);
    }

    /** The version remote titans-cli must match (major.minor), or null when unknown. */
    String version() {
        return localVersion != null ? localVersion : distribution == null ? null : distribution.version();
    }
}
