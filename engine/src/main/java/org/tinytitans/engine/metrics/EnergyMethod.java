package org.tinytitans.engine.metrics;

/**
 * How an energy figure was obtained. The label travels with every figure so a reader can tell a counter
 * reading from an estimate; the relative uncertainty gives the printed [low, high] range.
 */
public enum EnergyMethod {
    /** Intel/AMD RAPL package counters: they miss PSU, board and fans, so ±10% and a lower bound on wall energy. */
    RAPL("measured:rapl", 0.10),
    /** RAPL's dram domain, where the platform has one. */
    RAPL_DRAM("measured:rapl-dram", 0.10),
    /** NVML's cumulative energy counter (Volta and newer), read at the phase boundaries. */
    NVML_ENERGY("measured:nvml-energy", 0.05),
    /** nvidia-smi power.draw samples integrated by the trapezoid rule (±5 W per reading on top of this). */
    NVIDIA_SMI_POWER("measured:nvidia-smi-power", 0.10),
    /** Process CPU time × a TDP share per hardware thread: a factor of two either way is plausible. */
    CPU_TIME_TDP("estimated:cpu-time-tdp", 0.50),
    /** A constant CPU power the user gave, times wall time: still a model of the power, so ±50%. */
    USER_FORCED("user:forced", 0.50),
    /** Resident memory × 0.3725 W/GB (Green Algorithms). */
    RAM_MODEL("estimated:ram-model", 0.50),
    /** The component is not part of the job (no GPU requested): zero by construction, not by failure. */
    NOT_USED("not-used", 0.0),
    /** The component is in use but nothing could measure it: never reported as zero. */
    UNMEASURED("unmeasured", Double.NaN);

    private final String label;
    private final double relativeUncertainty;

    EnergyMethod(String label, double relativeUncertainty) {
        this.label = label;
        this.relativeUncertainty = relativeUncertainty;
    }

    public String label() {
        return label;
    }

    public double relativeUncertainty() {
        return relativeUncertainty;
    }

    /** True for methods that read a physical counter or sensor. */
    public boolean measured() {
        return label.startsWith("measured:");
    }
}
