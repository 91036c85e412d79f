package org.tinytitans.language.resolve;

import org.tinytitans.language.ast.Range;

/**
 * Energy accounting, defaults from the catalog. {@code region} null when not given (with no intensity either, the
 * tutorial's 0.432 kg/kWh applies); {@code intensityGPerKwh} overrides the
 * region when non-null; {@code wueLPerKwh} 0 by default; power values in watts; price per kWh.
 * range is null when the experiment has no energy block.
 */
public record EnergySpec(String region, Double intensityGPerKwh, double pue, double wueLPerKwh, Double pricePerKwh,
                         String priceCurrency, Double tdpW, Double gpuPowerW, double utilization, Range range) {}
