package org.tinytitans.server.jobs;

import java.util.List;
import java.util.Map;
import org.tinytitans.engine.remote.LocalRunner;
import org.tinytitans.engine.remote.RemoteConfig;
import org.tinytitans.engine.remote.Runners;
import org.tinytitans.server.settings.TitansSettings;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * Where an on-save job runs and with what: the spec's target (decided as `titans-cli run` decides it), the
 * remote configuration the CLI uses (TITANS_SSH_CONFIG, TITANS_SLURM_HOST, the local titans-cli build), the
 * local command (the `jobCommand` setting, else JobMain with `jobJavaOptions`) and the editor's settings as
 * the job's environment.
 */
final class JobTargets {
    private JobTargets() {}

    static TargetSpec of(String text) {
        return Runners.targetOf(SpecDocument.parse(text));
    }

    static RemoteConfig config(TitansSettings settings) {
        String version = JobTargets.class.getPackage().getImplementationVersion();
        List<String> local = settings.jobCommand().isEmpty() ? LocalRunner.jobMain(settings.jobJavaOptions()) : settings.jobCommand();
        return RemoteConfig.fromEnvironment(System.getenv(), version, null).withLocalCommand(local);
    }

    /** The editor's settings the engine reads (SpecJob): they travel with the job to a host or a Slurm node. */
    static Map<String, String> env(TitansSettings settings) {
        return Map.of("TITANS_DEFAULT_TARGET", settings.defaultTarget(), "TITANS_CARBON_REGION", settings.carbonRegion());
    }

    static boolean remote(TargetSpec t) {
        return Runners.isRemote(t);
    }

    /** "ssh me@gpu-box", "slurm gpu", "gpu 1", "cpu". */
    static String describe(TargetSpec t) {
        if (t == null) return "cpu";
        if (t.argument() != null && !t.argument().isEmpty()) return t.kind() + " " + t.argument();
        return t.gpu() != null && t.kind().equals("gpu") ? "gpu " + t.gpu() : t.kind();
    }
}
