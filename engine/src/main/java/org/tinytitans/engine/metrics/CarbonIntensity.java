package org.tinytitans.engine.metrics;

import org.tinytitans.engine.figures.Figures;

/**
 * A grid carbon intensity (annual average, kg CO2e per kWh) with where it came from; the source is printed
 * wherever the figure is.
 */
public record CarbonIntensity(double kgPerKWh, String source, Integer year, String region) {

    /** The tutorial's figure: ML CO2 Impact's default, the OECD's 2014 yearly average. */
    public static final CarbonIntensity TUTORIAL_DEFAULT =
            new CarbonIntensity(0.432, "tutorial default (ML CO2 Impact, OECD 2014 avg)", 2014, null);

    /** World average used when a region is unknown (the figure CodeCarbon and Green Algorithms fall back to). */
    public static final CarbonIntensity WORLD_AVERAGE =
            new CarbonIntensity(0.475, "world average (IEA Global Energy & CO2 Status Report 2019)", 2019, "WLD");

    public CarbonIntensity {
        if (!(kgPerKWh >= 0) || Double.isInfinite(kgPerKWh)) {
            throw new IllegalArgumentException("carbon intensity must be a non-negative number of kg/kWh, got " + kgPerKWh);
        }
    }

    /** An intensity written in the spec ({@code intensity 0.2kg/kWh}). */
    public static CarbonIntensity given(double kgPerKWh) {
        return new CarbonIntensity(kgPerKWh, "given in the spec (intensity)", null, null);
    }

    /** e.g. "0.0983 kg/kWh (BRA, Our World in Data ... 2023)". */
    public String describe() {
        StringBuilder s = new StringBuilder(Figures.num(kgPerKWh) + " kg/kWh (");
        if (region != null) {
            s.append(region).append(", ");
        }
        s.append(source);
        if (year != null && !source.contains(String.valueOf(year))) {
            s.append(", ").append(year);
        }
        return s.append(')').toString();
    }
}
