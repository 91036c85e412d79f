package org.tinytitans.engine.job;

import org.tinytitans.engine.train.Progress;

/** Forwards progress as {@code progress} events, at most a few per second per phase so streams stay small. */
final class EventProgress implements Progress {

    private static final long MIN_GAP_NANOS = 250_000_000L;
    private final EventWriter events;
    private String lastPhase = "";
    private long lastAt;

    EventProgress(EventWriter events) {
        this.events = events;
    }

    @Override
    public synchronized void update(String phase, long done, long total, String detail) {
        long now = System.nanoTime();
        boolean last = total > 0 && done >= total;
        if (phase.equals(lastPhase) && now - lastAt < MIN_GAP_NANOS && !last) {
            return;
        }
        lastPhase = phase;
        lastAt = now;
        events.event("progress").with("phase", phase).with("done", done).with("total", total).with("detail", detail).emit();
    }
}
