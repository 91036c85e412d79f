package org.tinytitans.engine.report;

/** Energy of one phase of an experiment in Wh, with its uncertainty band (low/high may be null). */
public record EnergyPhase(String phase, Double seconds, double wh, Double lowWh, Double highWh) {}
