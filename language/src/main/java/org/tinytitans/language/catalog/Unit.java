package org.tinytitans.language.catalog;

/** A unit suffix: {@code value * factor} is the value in the kind's base unit (named by {@code base}). */
public record Unit(String symbol, UnitKind kind, double factor, String base, String doc) {}
