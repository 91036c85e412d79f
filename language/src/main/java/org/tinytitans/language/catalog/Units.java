package org.tinytitans.language.catalog;

import java.util.List;

/** Every unit suffix the lexer may glue to a number. */
final class Units {
    private Units() {}

    static final List<Unit> ALL = List.of(
            new Unit("%", UnitKind.PERCENT, 0.01, "fraction", "percent"),
            new Unit("x", UnitKind.RATIO, 1, "x", "times (a factor)"),
            new Unit("K", UnitKind.COUNT, 1e3, "", "thousand"),
            new Unit("M", UnitKind.COUNT, 1e6, "", "million"),
            new Unit("G", UnitKind.COUNT, 1e9, "", "billion"),
            new Unit("T", UnitKind.COUNT, 1e12, "", "trillion"),
            new Unit("us", UnitKind.TIME, 1e-6, "s", "microseconds"),
            new Unit("ms", UnitKind.TIME, 1e-3, "s", "milliseconds"),
            new Unit("s", UnitKind.TIME, 1, "s", "seconds"),
            new Unit("min", UnitKind.TIME, 60, "s", "minutes"),
            new Unit("h", UnitKind.TIME, 3600, "s", "hours"),
            new Unit("J", UnitKind.ENERGY, 1 / 3600.0, "Wh", "joules"),
            new Unit("kJ", UnitKind.ENERGY, 1 / 3.6, "Wh", "kilojoules"),
            new Unit("mWh", UnitKind.ENERGY, 1e-3, "Wh", "milliwatt-hours"),
            new Unit("Wh", UnitKind.ENERGY, 1, "Wh", "watt-hours"),
            new Unit("kWh", UnitKind.ENERGY, 1e3, "Wh", "kilowatt-hours"),
            new Unit("MWh", UnitKind.ENERGY, 1e6, "Wh", "megawatt-hours"),
            new Unit("mW", UnitKind.POWER, 1e-3, "W", "milliwatts"),
            new Unit("W", UnitKind.POWER, 1, "W", "watts"),
            new Unit("kW", UnitKind.POWER, 1e3, "W", "kilowatts"),
            new Unit("mg", UnitKind.MASS, 1e-3, "g", "milligrams"),
            new Unit("g", UnitKind.MASS, 1, "g", "grams"),
            new Unit("kg", UnitKind.MASS, 1e3, "g", "kilograms"),
            new Unit("t", UnitKind.MASS, 1e6, "g", "tonnes"),
            new Unit("mL", UnitKind.VOLUME, 1e-3, "L", "millilitres"),
            new Unit("L", UnitKind.VOLUME, 1, "L", "litres"),
            new Unit("$", UnitKind.MONEY, 1, "$", "US dollars"),
            new Unit("USD", UnitKind.MONEY, 1, "$", "US dollars"),
            new Unit("EUR", UnitKind.MONEY, 1, "EUR", "euros"),
            new Unit("B", UnitKind.MEMORY, 1, "B", "bytes"),
            new Unit("KB", UnitKind.MEMORY, 1e3, "B", "kilobytes (1000 B)"),
            new Unit("MB", UnitKind.MEMORY, 1e6, "B", "megabytes (10^6 B)"),
            new Unit("GB", UnitKind.MEMORY, 1e9, "B", "gigabytes (10^9 B)"),
            new Unit("KiB", UnitKind.MEMORY, 1024, "B", "kibibytes"),
            new Unit("MiB", UnitKind.MEMORY, 1024.0 * 1024, "B", "mebibytes"),
            new Unit("GiB", UnitKind.MEMORY, 1024.0 * 1024 * 1024, "B", "gibibytes"),
            new Unit("g/kWh", UnitKind.CARBON_INTENSITY, 1, "g/kWh", "grams CO2e per kWh"),
            new Unit("kg/kWh", UnitKind.CARBON_INTENSITY, 1e3, "g/kWh", "kilograms CO2e per kWh"),
            new Unit("L/kWh", UnitKind.WATER_INTENSITY, 1, "L/kWh", "litres of water per kWh"),
            new Unit("mL/kWh", UnitKind.WATER_INTENSITY, 1e-3, "L/kWh", "millilitres of water per kWh"),
            new Unit("$/kWh", UnitKind.ENERGY_PRICE, 1, "$/kWh", "US dollars per kWh"),
            new Unit("USD/kWh", UnitKind.ENERGY_PRICE, 1, "$/kWh", "US dollars per kWh"),
            new Unit("EUR/kWh", UnitKind.ENERGY_PRICE, 1, "EUR/kWh", "euros per kWh"),
            new Unit("/s", UnitKind.THROUGHPUT, 1, "/s", "items per second"));
}
