package org.tinytitans.engine.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Attributes energy to the phases of a job. Counters are read at every phase boundary; a background thread
 * (when a poll interval is given) samples in between, for power integration and counter wrap.
 * <pre>
 * try (var p = meter.phase("fine-tuning")) { ... }
 * meter.phases(); meter.total();
 * </pre>
 * Phases may nest or overlap; each one is the difference of the counters at its own start and stop.
 */
public final class EnergyMeter implements AutoCloseable {

    /** Cumulative readings of the three sources at one instant. */
    private record Mark(long nanos, double cpu, double gpu, double ram) {
    }

    /** A running phase; closing it records its energy. */
    public final class Phase implements AutoCloseable {
        private final String name;
        private final Mark start;
        private PhaseEnergy result;

        private Phase(String name, Mark start) {
            this.name = name;
            this.start = start;
        }

        /** Ends the phase (once) and returns its energy. */
        public synchronized PhaseEnergy stop() {
            if (result == null) {
                result = between(name, start, mark());
                synchronized (EnergyMeter.this) {
                    finished.add(result);
                    open.remove(this);
                }
            }
            return result;
        }

        @Override
        public void close() {
            stop();
        }
    }

    private final EnergySource cpu;
    private final EnergySource gpu;
    private final EnergySource ram;
    private final LongSupplier clock;
    private final List<Runnable> pollHooks = new ArrayList<>();
    private final List<PhaseEnergy> finished = new ArrayList<>();
    private final List<Phase> open = new ArrayList<>();
    private final Mark opened;
    private ScheduledExecutorService poller;

    /**
     * @param pollEvery how often to sample between boundaries; null or zero for none (tests poll by hand)
     */
    public EnergyMeter(EnergySource cpu, EnergySource gpu, EnergySource ram, LongSupplier nanoClock,
                       Duration pollEvery) {
        this.cpu = cpu;
        this.gpu = gpu;
        this.ram = ram;
        this.clock = nanoClock;
        this.opened = mark();
        if (pollEvery != null && !pollEvery.isZero() && !pollEvery.isNegative()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "titans-energy-poll");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, pollEvery.toMillis());
            poller.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs something at every poll too, e.g. GPU memory sampling. */
    public synchronized void onPoll(Runnable hook) {
        pollHooks.add(hook);
    }

    /** Samples every source now. */
    public void poll() {
        mark();
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a failed sample must not kill the poller; the next one covers the gap
        }
    }

    private synchronized Mark mark() {
        long now = clock.getAsLong();
        cpu.poll(now);
        gpu.poll(now);
        ram.poll(now);
        for (Runnable hook : pollHooks) {
            hook.run();
        }
        return new Mark(now, cpu.joules(), gpu.joules(), ram.joules());
    }

    private PhaseEnergy between(String name, Mark a, Mark b) {
        Duration d = Duration.ofNanos(b.nanos - a.nanos);
        return PhaseEnergy.of(name, d, cpu.reading(b.cpu - a.cpu, d), gpu.reading(b.gpu - a.gpu, d),
                ram.reading(b.ram - a.ram, d));
    }

    /** Starts a named phase: baseline evaluation, scoring, pruning, fine-tuning, final evaluation, latency. */
    public Phase phase(String name) {
        Phase p = new Phase(name, mark());
        synchronized (this) {
            open.add(p);
        }
        return p;
    }

    /** Same as {@link #phase}, for callers that prefer start/stop pairs. */
    public void start(String name) {
        phase(name);
    }

    /** Stops the most recently started phase still running. */
    public PhaseEnergy stop() {
        Phase last;
        synchronized (this) {
            if (open.isEmpty()) {
                throw new IllegalStateException("stop() without a running phase");
            }
            last = open.get(open.size() - 1);
        }
        return last.stop();
    }

    /** Finished phases, in the order they ended. */
    public synchronized List<PhaseEnergy> phases() {
        return Collections.unmodifiableList(new ArrayList<>(finished));
    }

    /** The whole job so far: from the meter's creation to now, gaps between phases included. */
    public PhaseEnergy total() {
        return between("total", opened, mark());
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        cpu.close();
        gpu.close();
        ram.close();
    }
}
