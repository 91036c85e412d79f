package org.tinytitans.language.catalog;

/**
 * A measurable quantity. {@code relative} is true for counts where `expect M <= 55%` means "of the
 * baseline" (flops, params, memory); {@code lowerIsBetter} drives Pareto fronts and `drop`.
 */
public record MetricInfo(String name, UnitKind unitKind, String unit, boolean lowerIsBetter, boolean relative,
                         String doc) {}
