package org.tinytitans.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Process facts from /proc and the JDK's jcmd: resident memory, its peak, and a JVM's used heap. */
public final class Proc {

    private Proc() {}

    /** VmRSS in MiB, or NaN when the process is gone or /proc is absent. */
    public static double rssMb(long pid) { return status(pid, "VmRSS"); }

    /** VmHWM (peak resident set) in MiB. */
    public static double peakRssMb(long pid) { return status(pid, "VmHWM"); }

    static double status(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Used Java heap in MiB after a full GC ({@code jcmd PID GC.run}, then {@code GC.heap_info}); NaN without jcmd. */
    public static double usedHeapAfterGcMb(long pid) {
        try {
            run(List.of("jcmd", Long.toString(pid), "GC.run"));
            return usedHeap(run(List.of("jcmd", Long.toString(pid), "GC.heap_info")));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The first "used NNNK" of a GC.heap_info answer, in MiB. */
    static double usedHeap(String heapInfo) {
        Matcher m = Pattern.compile("used (\\d+)K").matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
