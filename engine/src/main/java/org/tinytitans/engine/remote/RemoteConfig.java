package org.tinytitans.engine.remote;

import java.time.Duration;
import java.util.List;

/**
 * Settings that do not come from the spec.
 *
 * @param sshOptions   extra ssh/scp options placed before the host (e.g. ["-F", "/path/config"]); never ones
 *                     that disable host key checking
 * @param distribution the local titans-cli build to install on hosts without one, or null
 * @param localVersion this side's version ("0.1.0") for the compatibility check; null: the distribution's
 * @param slurmHost    the Slurm login node reached over ssh, or null to call sbatch on this machine
 * @param poll         how often Slurm job state is polled
 */
public record RemoteConfig(List<String> sshOptions, Distribution distribution, String localVersion, String slurmHost,
                           Duration poll) {
    public RemoteConfig {
        sshOptions = List.copyOf(sshOptions == null ? List.of() : sshOptions);
        if (slurmHost != null) RemoteNames.host(slurmHost);
        if (poll == null) poll = Duration.ofSeconds(2);
    }

    /** The user's ssh setup, the build found by {@link Distribution#find()}, sbatch on this machine. */
    public static RemoteConfig defaults() {
        return new RemoteConfig(List.of(), Distribution.find().orElse(null), null, null, null);
    }

    public RemoteConfig withSshOptions(List<String> options) {
        return new RemoteConfig(options, distribution, localVersion, slurmHost, poll);
    }

    public RemoteConfig withDistribution(Distribution d) {
        return new RemoteConfig(sshOptions, d, localVersion, slurmHost, poll);
    }

    public RemoteConfig withSlurmHost(String host) {
        return new RemoteConfig(sshOptions, distribution, localVersion, host, poll);
    }

    public RemoteConfig withPoll(Duration d) {
        return new RemoteConfig(sshOptions, distribution, localVersion, slurmHost, d);
    }

    /** The version remote titans-cli must match (major.minor), or null when unknown. */
    String version() {
        return localVersion != null ? localVersion : distribution == null ? null : distribution.version();
    }
}
