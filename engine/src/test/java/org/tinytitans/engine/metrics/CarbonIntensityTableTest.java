package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CarbonIntensityTableTest {

    final CarbonIntensityTable table = CarbonIntensityTable.bundled();

    @Test
    void knownCountriesByIso3Iso2OrName() {
        CarbonIntensity bra = table.lookup("BRA");
        assertEquals(0.0983, bra.kgPerKWh(), 1e-12);
        assertEquals(2023, bra.year());
        assertTrue(bra.source().contains("CC BY 4.0"), bra.source());
        assertEquals(bra, table.lookup("bra"));
        assertEquals(bra, table.lookup("BR"));
        assertEquals(bra, table.lookup("Brazil"));
        assertEquals(0.3695, table.lookup("USA").kgPerKWh(), 1e-12);
        assertEquals(0.0560, table.lookup("FRA").kgPerKWh(), 1e-12);
        assertTrue(table.lookup("IND").kgPerKWh() > table.lookup("FRA").kgPerKWh());
    }

    @Test
    void unknownRegionFallsBackToTheLabelledWorldAverage() {
        CarbonIntensity x = table.lookup("XYZ");
        assertEquals(0.475, x.kgPerKWh());
        assertTrue(x.source().startsWith("world average (IEA Global Energy & CO2 Status Report 2019)"), x.source());
        assertTrue(x.source().contains("'XYZ' is not in the bundled table"), x.source());
        assertEquals(0.475, table.lookup("Atlantis").kgPerKWh());
        assertEquals(0.475, table.lookup("CAF").kgPerKWh()); // left out of the table: its source says 0
    }

    @Test
    void explicitIntensityBeatsRegionWhichBeatsTheTutorialDefault() {
        EnergySettings s = EnergySettings.defaults();
        assertEquals(CarbonIntensity.TUTORIAL_DEFAULT, table.resolve(s));
        assertEquals(0.0983, table.resolve(s.withRegion("BRA")).kgPerKWh(), 1e-12);
        CarbonIntensity given = table.resolve(s.withRegion("BRA").withIntensity(0.2));
        assertEquals(0.2, given.kgPerKWh());
        assertEquals("given in the spec (intensity)", given.source());
    }

    @Test
    void everyRowHasAPositiveFigureAYearAndASource() {
        assertTrue(table.size() > 200, "rows: " + table.size());
        for (String iso : new String[] {"DEU", "CHN", "JPN", "ZAF", "AUS", "NOR", "POL", "IDN"}) {
            CarbonIntensity c = table.find(iso).orElseThrow();
            assertTrue(c.kgPerKWh() > 0 && c.kgPerKWh() < 1.2, iso + " " + c);
            assertTrue(c.year() >= 2020, iso + " " + c);
        }
    }

    @Test
    void rowsMatchThePublishedReferenceFigures() throws IOException {
        Path ref = Path.of(System.getProperty("user.dir"))
                .resolve("../../shared/data/carbon/global_energy_mix.json").normalize();
        Assumptions.assumeTrue(Files.exists(ref), "reference figures not present: " + ref);
        JsonObject all = JsonParser.parseString(Files.readString(ref)).getAsJsonObject();
        int checked = 0;
        for (String iso : all.keySet()) {
            JsonObject row = all.getAsJsonObject(iso);
            double g = row.get("carbon_intensity").getAsDouble();
            if (g <= 0) {
                continue;
            }
            CarbonIntensity c = table.find(iso).orElseThrow(() -> new AssertionError("missing " + iso));
            assertEquals(g / 1000, c.kgPerKWh(), 0.00005 + 1e-12, iso);
            assertEquals(row.get("year").getAsInt(), c.year(), iso);
            checked++;
        }
        assertEquals(table.size(), checked);
    }
}
