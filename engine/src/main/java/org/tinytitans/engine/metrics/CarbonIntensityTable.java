package org.tinytitans.engine.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Countries' grid carbon intensities shipped with the engine (grid-intensity.csv: iso3, name, g/kWh, year,
 * source), from Our World in Data / Ember figures. Looked up by ISO 3166 alpha-3 code, alpha-2 code or
 * English name, case-insensitively. No network, no geolocation.
 */
public final class CarbonIntensityTable {

    private final Map<String, CarbonIntensity> byIso3;
    private final Map<String, String> nameToIso3 = new LinkedHashMap<>();

    private CarbonIntensityTable(Map<String, CarbonIntensity> byIso3, Map<String, String> names) {
        this.byIso3 = byIso3;
        this.nameToIso3.putAll(names);
    }

    private static CarbonIntensityTable bundled;

    public static synchronized CarbonIntensityTable bundled() {
        if (bundled == null) {
            bundled = load();
        }
        return bundled;
    }

    private static CarbonIntensityTable load() {
        try (InputStream in = CarbonIntensityTable.class.getResourceAsStream("grid-intensity.csv")) {
            if (in == null) {
                throw new IllegalStateException("bundled grid-intensity.csv is missing from the engine jar");
            }
            Map<String, CarbonIntensity> rows = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String[] f : Csv.rows(r, 5)) {
                String iso3 = f[0].toUpperCase(Locale.ROOT);
                rows.put(iso3, new CarbonIntensity(Double.parseDouble(f[2]) / 1000.0, f[4] + ", " + f[3],
                        Integer.parseInt(f[3]), iso3 + " " + f[1]));
                names.put(f[1].toLowerCase(Locale.ROOT), iso3);
            }
            return new CarbonIntensityTable(rows, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return byIso3.size();
    }

    /** The country's row, if the table has it. */
    public Optional<CarbonIntensity> find(String region) {
        if (region == null || region.isBlank()) {
            return Optional.empty();
        }
        String key = region.trim();
        String upper = key.toUpperCase(Locale.ROOT);
        if (byIso3.containsKey(upper)) {
            return Optional.of(byIso3.get(upper));
        }
        if (upper.length() == 2) {
            try {
                String iso3 = new Locale("", upper).getISO3Country().toUpperCase(Locale.ROOT);
                return Optional.ofNullable(byIso3.get(iso3));
            } catch (MissingResourceException notAnIso2Code) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(nameToIso3.get(key.toLowerCase(Locale.ROOT))).map(byIso3::get);
    }

    /** The country's row, or the world average labelled with the region that was not found. */
    public CarbonIntensity lookup(String region) {
        return find(region).orElseGet(() -> new CarbonIntensity(CarbonIntensity.WORLD_AVERAGE.kgPerKWh(),
                CarbonIntensity.WORLD_AVERAGE.source() + "; region '" + region + "' is not in the bundled table",
                CarbonIntensity.WORLD_AVERAGE.year(), CarbonIntensity.WORLD_AVERAGE.region()));
    }

    /** Spec precedence: an explicit intensity, else the region's row, else the tutorial's default. */
    public CarbonIntensity resolve(EnergySettings s) {
        if (s.intensityKgPerKWh() != null) {
            return CarbonIntensity.given(s.intensityKgPerKWh());
        }
        if (s.region() != null) {
            return lookup(s.region());
        }
        return CarbonIntensity.TUTORIAL_DEFAULT;
    }
}
