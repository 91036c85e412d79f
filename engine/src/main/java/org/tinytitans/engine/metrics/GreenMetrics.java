package org.tinytitans.engine.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The job runner's entry point: picks the best energy source per component for this machine and these
 * settings, and bundles the meter, the footprint calculator and the memory probe.
 * <pre>
 * try (GreenMetrics gm = GreenMetrics.forSettings(settings)) {
 *     try (var p = gm.meter().phase("fine-tuning")) { ... }
 *     Footprint f = gm.footprint().of(gm.meter().total());
 * }
 * </pre>
 * Source choice. CPU: user watts (user:forced) &gt; RAPL packages (measured:rapl) &gt; process CPU time × W per
 * thread (estimated:cpu-time-tdp) &gt; unmeasured. GPU: not-used without GPU ids, else nvidia-smi's counter or
 * power samples, else unmeasured. RAM: RAPL dram &gt; resident memory × 0.3725 W/GB.
 */
public final class GreenMetrics implements AutoCloseable {

    private final EnergySettings settings;
    private final EnergyMeter meter;
    private final FootprintCalculator footprint;
    private final ProcessMemory memory;
    private final List<String> notes;

    private GreenMetrics(EnergySettings settings, EnergyMeter meter, FootprintCalculator footprint,
                         ProcessMemory memory, List<String> notes) {
        this.settings = settings;
        this.meter = meter;
        this.footprint = footprint;
        this.memory = memory;
        this.notes = notes;
    }

    public static GreenMetrics forSettings(EnergySettings s) {
        return forSettings(s, MetricsEnvironment.system());
    }

    public static GreenMetrics forSettings(EnergySettings s, MetricsEnvironment env) {
        List<String> notes = new ArrayList<>();
        EnergySource cpu = cpuSource(s, env, notes);
        EnergySource gpu = s.gpuIds().isEmpty()
                ? FixedSources.notUsed("gpu", "no GPU in this job")
                : NvidiaSmiGpuSource.open(env.commands(), s.gpuIds(), notes::add);
        EnergySource ram = ramSource(env, notes);
        EnergyMeter meter = new EnergyMeter(cpu, gpu, ram, env.nanoClock(),
                env.backgroundPolling() ? s.pollInterval() : null);
        ProcessMemory memory = new ProcessMemory(java.nio.file.Path.of("/proc/self/status"), env.sysfs(),
                s.gpuIds().isEmpty() ? null : new NvidiaSmi(env.commands(), s.gpuIds()));
        meter.onPoll(memory::sample);
        if (!notes.isEmpty()) {
            System.Logger log = System.getLogger(GreenMetrics.class.getName());
            notes.forEach(n -> log.log(System.Logger.Level.INFO, n));
        }
        return new GreenMetrics(s, meter, new FootprintCalculator(s, CarbonIntensityTable.bundled()), memory,
                Collections.unmodifiableList(notes));
    }

    private static EnergySource cpuSource(EnergySettings s, MetricsEnvironment env, List<String> notes) {
        if (s.cpuWattsOverride() != null) {
            return new ForcedPowerSource(s.cpuWattsOverride());
        }
        Optional<RaplSource> rapl = RaplSource.open(env.raplRoots(), env.sysfs(), RaplSource.Kind.PACKAGE, notes::add);
        if (rapl.isPresent()) {
            return rapl.get();
        }
        if (env.processCpuNanos().getAsLong() < 0) {
            notes.add("Neither RAPL nor process CPU time is available: CPU energy is unmeasured.");
            return FixedSources.unmeasured("cpu", "process CPU, no counter or CPU time");
        }
        CpuTdp tdp = s.cpuWattsPerThread() != null
                ? CpuTdp.userGiven(s.cpuWattsPerThread())
                : CpuTdpTable.bundled().lookup(env.cpuModelName());
        return new CpuTimeSource(env.processCpuNanos(), tdp);
    }

    private static EnergySource ramSource(MetricsEnvironment env, List<String> notes) {
        Optional<RaplSource> dram = RaplSource.open(env.raplRoots(), env.sysfs(), RaplSource.Kind.DRAM, n -> { });
        if (dram.isPresent()) {
            return dram.get();
        }
        if (env.residentBytes().getAsLong() < 0) {
            notes.add("Resident memory is unknown here (no /proc): RAM energy is unmeasured.");
            return FixedSources.unmeasured("ram", "process memory unknown");
        }
        return new RamModelSource(env.residentBytes(), "resident memory (VmRSS)");
    }

    public EnergySettings settings() {
        return settings;
    }

    public EnergyMeter meter() {
        return meter;
    }

    public FootprintCalculator footprint() {
        return footprint;
    }

    public ProcessMemory memory() {
        return memory;
    }

    /** Why a component fell back or is unmeasured, with the fix where there is one; shown with the results. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public void close() {
        meter.close();
    }
}
