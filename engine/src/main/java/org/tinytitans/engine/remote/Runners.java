package org.tinytitans.engine.remote;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.TargetSpec;

/** The runner for a spec's target: cpu and gpu run here, ssh on a host, slurm through sbatch. */
public final class Runners {
    private Runners() {}

    public static JobRunner forTarget(TargetSpec target, RemoteConfig config) {
        String kind = target == null || target.kind() == null ? "cpu" : target.kind();
        return switch (kind) {
            case "ssh" -> new SshRunner(target, config);
            case "slurm" -> new SlurmRunner(target, config);
            default -> config == null || config.localCommand() == null ? new LocalRunner() : new LocalRunner(config.localCommand());
        };
    }

    /**
     * Where a spec runs, as `titans-cli run` and the editor's on-save runs decide it: a spec with errors runs
     * here (the job reports them, with their lines), else {@link #targetOf(List)} of its resolved runs.
     */
    public static TargetSpec targetOf(SpecDocument doc) {
        if (Checker.check(doc).stream().anyMatch(d -> d.severity() == Severity.ERROR)) return here();
        return targetOf(Experiments.resolve(doc));
    }

    /**
     * The one target a spec's runs share. A spec is one job, so its experiments must agree on where they run
     * when any of them names ssh or slurm; cpu and gpu experiments run wherever the job runs.
     */
    public static TargetSpec targetOf(List<ExperimentRun> runs) {
        Set<String> remote = new LinkedHashSet<>();
        TargetSpec chosen = null;
        boolean anyLocal = false;
        for (ExperimentRun r : runs) {
            TargetSpec t = r.target();
            if (t == null) continue;
            if (isRemote(t)) {
                remote.add(t.kind() + " \"" + (t.argument() == null ? "" : t.argument()) + "\"");
                if (chosen == null || !isRemote(chosen)) chosen = t;
            } else {
                anyLocal = true;
                if (chosen == null) chosen = t;
            }
        }
        if (remote.size() > 1) {
            throw new RemoteException("the experiments of one spec run on different targets (" + String.join(", ", remote)
                    + "): a spec is one job; put them in separate files");
        }
        if (!remote.isEmpty() && anyLocal) {
            throw new RemoteException("some experiments run on " + remote.iterator().next()
                    + " and others here: a spec is one job; give them all the same target or split the file");
        }
        return chosen != null ? chosen : here();
    }

    /** The default: cpu on this machine, given by no `target` line (range null). */
    private static TargetSpec here() {
        return new TargetSpec("cpu", null, null, null, null, null, null, null, null, null, null, null);
    }

    /** ssh or slurm: the job runs elsewhere. */
    public static boolean isRemote(TargetSpec t) {
        return t != null && (t.kind().equals("ssh") || t.kind().equals("slurm"));
    }
}
