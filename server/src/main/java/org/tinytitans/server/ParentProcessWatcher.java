package org.tinytitans.server;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Exits when the client process (initialize's processId) dies, so an editor crash never leaves a server
 * (and its jobs) behind. Polls, because ProcessHandle.onExit of a non-child process polls anyway.
 */
final class ParentProcessWatcher {
    private static final Logger LOG = Logger.getLogger(ParentProcessWatcher.class.getName());

    private ParentProcessWatcher() {}

    static void watch(long pid, ScheduledExecutorService scheduler, Runnable onDeath, long periodMs) {
        scheduler.scheduleWithFixedDelay(() -> {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                LOG.warning("client process " + pid + " is gone: exiting");
                onDeath.run();
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }
}
