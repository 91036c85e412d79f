package org.tinytitans.engine.metrics;

/**
 * Energy of one component (cpu, gpu or ram) over some interval, with its range, method label and scope.
 * An unmeasured component has NaN joules, so it can never be mistaken for zero.
 */
public record EnergyReading(double joules, double lowJ, double highJ, String method, String scope) {

    public static final double JOULES_PER_KWH = 3.6e6;

    /** A reading whose range follows the method's relative uncertainty. */
    public static EnergyReading of(double joules, EnergyMethod method, String scope) {
        double u = method.relativeUncertainty();
        return new EnergyReading(joules, Math.max(0, joules * (1 - u)), joules * (1 + u), method.label(), scope);
    }

    public static EnergyReading unmeasured(String scope) {
        return new EnergyReading(Double.NaN, Double.NaN, Double.NaN, EnergyMethod.UNMEASURED.label(), scope);
    }

    public static EnergyReading notUsed(String scope) {
        return new EnergyReading(0, 0, 0, EnergyMethod.NOT_USED.label(), scope);
    }

    /** False when nothing could measure the component. */
    public boolean measured() {
        return !Double.isNaN(joules);
    }

    public double kWh() {
        return joules / JOULES_PER_KWH;
    }

    public double lowKWh() {
        return lowJ / JOULES_PER_KWH;
    }

    public double highKWh() {
        return highJ / JOULES_PER_KWH;
    }

    /** This reading divided by a count, e.g. a latency run's energy per inference. */
    public EnergyReading per(long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        return new EnergyReading(joules / count, lowJ / count, highJ / count, method, scope + ", per item of " + count);
    }
}
