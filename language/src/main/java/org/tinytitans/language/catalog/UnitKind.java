package org.tinytitans.language.catalog;

/** The kinds of quantities; each unit belongs to one, and each metric and numeric property expects one. */
public enum UnitKind {
    NONE("a plain number"),
    COUNT("a count; suffixes K, M, G, T"),
    PERCENT("a percentage (`%`)"),
    RATIO("a factor (`x`), e.g. a speedup"),
    TIME("a duration: us, ms, s, min, h"),
    ENERGY("energy: J, kJ, Wh, kWh, MWh"),
    POWER("power: mW, W, kW"),
    MASS("mass (CO2-equivalent): mg, g, kg, t"),
    VOLUME("volume (water): mL, L"),
    MONEY("money: $, USD, EUR"),
    MEMORY("memory: B, KB, MB, GB, KiB, MiB, GiB"),
    CARBON_INTENSITY("grid carbon intensity: g/kWh, kg/kWh"),
    WATER_INTENSITY("water per energy: L/kWh, mL/kWh"),
    ENERGY_PRICE("price per energy: $/kWh, USD/kWh, EUR/kWh"),
    THROUGHPUT("rate: /s (items per second)");

    private final String doc;

    UnitKind(String doc) { this.doc = doc; }

    public String doc() { return doc; }

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
