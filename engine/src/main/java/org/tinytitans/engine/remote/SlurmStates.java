package org.tinytitans.engine.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * Slurm job states (sacct -P / scontrol show job) and what a user should read about each failure.
 */
final class SlurmStates {
    private static final Pattern JOB_STATE = Pattern.compile("JobState=(\\S+)");
    private static final List<String> ACTIVE = List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED",
            "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD");
    // Worst first: the state an array job is summarised by.
    private static final List<String> SEVERITY = List.of("NODE_FAIL", "BOOT_FAIL", "OUT_OF_MEMORY", "TIMEOUT", "DEADLINE",
            "PREEMPTED", "FAILED", "CANCELLED", "COMPLETED");

    private SlurmStates() {}

    /** "CANCELLED by 0" -&gt; "CANCELLED"; "RUNNING" stays. */
    static String normalise(String state) {
        String s = state.strip().toUpperCase(Locale.ROOT);
        int sp = s.indexOf(' ');
        if (sp > 0) s = s.substring(0, sp);
        return s.endsWith("+") ? s.substring(0, s.length() - 1) : s;
    }

    /** States from `sacct -j ID --format=State -n -P` (one per line, steps included). */
    static List<String> fromSacct(String out) {
        List<String> s = new ArrayList<>();
        out.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> s.add(normalise(l)));
        return s;
    }

    /** States from `scontrol show job ID` (one JobState= per array task). */
    static List<String> fromScontrol(String out) {
        List<String> s = new ArrayList<>();
        Matcher m = JOB_STATE.matcher(out);
        while (m.find()) s.add(normalise(m.group(1)));
        return s;
    }

    static boolean active(List<String> states) {
        return states.stream().anyMatch(ACTIVE::contains);
    }

    /** The worst terminal state of the list, COMPLETED when all completed, or null for none. */
    static String worst(List<String> states) {
        String worst = null;
        for (String s : states) {
            int i = SEVERITY.indexOf(s);
            if (i < 0) continue;
            if (worst == null || i < SEVERITY.indexOf(worst)) worst = s;
        }
        return worst;
    }

    /** A diagnostic for a terminal state, or null when there is nothing to say (COMPLETED, unknown). */
    static String describe(String state, String jobId, TargetSpec target, boolean cancelledHere) {
        if (state == null) return null;
        String job = "Slurm job " + jobId;
        return switch (state) {
            case "TIMEOUT" -> job + " hit its time limit (TIMEOUT"
                    + (target.time() == null ? ", the partition's default limit" : ", time \"" + target.time() + "\"")
                    + "): raise `time` in the target";
            case "OUT_OF_MEMORY" -> job + " ran out of memory (OUT_OF_MEMORY"
                    + (target.memBytes() == null ? "" : ", mem " + (target.memBytes() >> 20) + " MiB")
                    + "): raise `mem` in the target or lower the batch sizes";
            case "NODE_FAIL" -> job + " lost its node (NODE_FAIL): the node failed, not the job; run it again";
            case "BOOT_FAIL" -> job + " could not boot its node (BOOT_FAIL); run it again or ask the cluster's admins";
            case "PREEMPTED" -> job + " was preempted by a higher-priority job (PREEMPTED); run it again";
            case "DEADLINE" -> job + " missed its deadline (DEADLINE)";
            case "CANCELLED" -> cancelledHere ? job + " was cancelled" : job + " was cancelled outside Tiny Titans (CANCELLED: scancel or an administrator)";
            case "FAILED" -> job + " failed (FAILED): see slurm-" + jobId + "*.out and stderr*.log in the job folder";
            default -> null;
        };
    }
}
