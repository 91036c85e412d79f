package org.tinytitans.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Gives the calling thread a lower CPU priority where the system allows it per thread. Java's thread priorities are
 * ignored on Linux, so the warm-up would compete with the user's first requests as an equal; on Linux a thread is a
 * task with its own nice value (/proc/self/task/TID), which `renice` sets, and the threads it starts inherit it.
 * Elsewhere (macOS, Windows) this does nothing.
 */
final class LowPriority {
    private LowPriority() {}

    /** The calling thread's name must be unique in the process and at most 15 characters (the kernel's comm). */
    static void lowerCurrentThread() {
        Path tasks = Path.of("/proc/self/task");
        String name = Thread.currentThread().getName();
        if (!Files.isDirectory(tasks) || name.length() > 15) return;
        try (var all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                Path comm = task.resolve("comm");
                if (Files.isReadable(comm) && Files.readString(comm).trim().equals(name)) {
                    Process p = new ProcessBuilder("renice", "-n", "10", "-p", task.getFileName().toString())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    p.waitFor(5, TimeUnit.SECONDS);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) { // no renice, or /proc unreadable: the warm-up runs at normal priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
