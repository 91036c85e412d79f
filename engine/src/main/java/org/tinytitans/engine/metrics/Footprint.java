package org.tinytitans.engine.metrics;

/**
 * Carbon, water and cost of an amount of IT energy (cpu + gpu + ram).
 * facility = IT × PUE; CO2e = facility × intensity; water = WUE × IT (The Green Grid defines WUE over IT
 * energy); energy cost = facility × price per kWh; rental cost = device-hours × price per device-hour.
 * Water and costs are null until their factor is given ("not set"), never a made-up default.
 */
public record Footprint(double itKWh, double itLowKWh, double itHighKWh, double pue, double facilityKWh,
                        CarbonIntensity intensity, double co2Kg, double co2LowKg, double co2HighKg,
                        Double wueLitersPerKWh, Double waterL, Double waterLowL, Double waterHighL,
                        Double energyCostUsd, Double deviceHours, Double deviceHourCostUsd, boolean complete) {

    /** The energy cost if a price per kWh was given, else the rental cost, else null. */
    public Double costUsd() {
        return energyCostUsd != null ? energyCostUsd : deviceHourCostUsd;
    }
}
