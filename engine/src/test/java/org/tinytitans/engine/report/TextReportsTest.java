package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportsTest {

    @Test
    void markdownHasSummaryRowsPerExperimentAndPareto() {
        String md = MarkdownReport.render(Fixture.sweep());
        assertTrue(md.startsWith("# Tiny Titans report: sweep\n"), md);
        assertTrue(md.contains("| * | criteria_sweep [l1 50%] | complete | 97.5% | 1.5 points | 50.2% | 51% | 0.8 ms |"), md);
        assertTrue(md.contains("|  | criteria_sweep [random 50%] | complete | 96% | 3 points |"), md);
        assertTrue(md.contains("| 16 | `flops <= 60%` | **fail** | 69.7% of baseline |"), md);
        assertTrue(md.contains("| conv2 | conv | 32 | 16 |"), md);
        assertTrue(md.contains("| finetune | 12.3 | 0.04 | 0.02 | 0.06 |"), md);
        assertTrue(md.contains("```\n# Three criteria"), md);
    }

    @Test
    void csvHasOneRowPerExperimentWithPlainNumbers() {
        List<String> lines = CsvReport.render(Fixture.sweep()).lines().toList();
        assertEquals(7, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("id", "name", "criterion", "ratio", "status"), header.subList(0, 5));
        int acc = header.indexOf("pruned_accuracy");
        int flops = header.indexOf("baseline_flops");
        int pareto = header.indexOf("pareto");
        // ids hold commas, so they are quoted
        assertTrue(lines.get(1).startsWith("\"" + Fixture.L1_30 + "\",criteria_sweep,l1,30%,complete,"), lines.get(1));
        List<String> l1at50 = cells(lines.get(2));
        assertEquals("0.975", l1at50.get(acc));
        assertEquals("12345678", l1at50.get(flops));
        assertEquals("true", l1at50.get(pareto));
        assertEquals("false", cells(lines.get(4)).get(pareto));
        assertEquals("", cells(lines.get(6)).get(acc), "the failed run measured nothing");
    }

    /** Splits a CSV line whose only quoted cell is the first. */
    static List<String> cells(String line) {
        int end = line.indexOf("\",");
        List<String> rest = List.of(line.substring(end + 2).split(",", -1));
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(line.substring(1, end));
        out.addAll(rest);
        return out;
    }

    @Test
    void jsonSummaryIsNormalised() {
        JsonObject o = JsonParser.parseString(JsonSummary.render(Fixture.sweep())).getAsJsonObject();
        assertEquals("titans-report/2", o.get("schema").getAsString());
        assertEquals("accuracy", o.get("quality").getAsString());
        assertEquals(3, o.getAsJsonArray("pareto").size());
        JsonObject first = o.getAsJsonArray("experiments").get(0).getAsJsonObject();
        JsonObject flops = first.getAsJsonObject("metrics").getAsJsonObject("flops");
        assertEquals(8600000 - 12345678, flops.get("change").getAsDouble(), 1e-6);
        assertEquals((8600000 - 12345678) / 12345678.0, flops.get("relative").getAsDouble(), 1e-9);
        assertEquals(0.5, first.get("quality_drop").getAsDouble(), 1e-9);
        assertEquals(1, first.getAsJsonObject("expectations").get("failed").getAsInt());
    }

    @Test
    void resultsTableSortsByDropThenFlopsAndMarksPareto() {
        String table = ResultsTable.render(Fixture.sweep(), 120);
        List<String> rows = table.lines().toList();
        assertTrue(rows.get(0).contains("criteria_sweep") && rows.get(0).contains("FLOPs"), table);
        List<String> order = rows.subList(2, 8).stream().map(r -> r.substring(3, 3 + 10).strip()).toList();
        assertEquals(List.of("l1 30%", "l1 50%", "random 50%", "l1 70%", "random 70%", "fpgm 50%"), order, table);
        assertTrue(rows.get(2).startsWith("*"), table);
        assertTrue(rows.get(4).startsWith(" "), table);
        assertTrue(rows.get(7).contains("failed"), table);
        assertTrue(table.contains("* Pareto-optimal"), table);
    }

    @Test
    void resultsTableFitsNarrowTerminals() {
        for (int width : new int[] {40, 60, 80, 200}) {
            String table = ResultsTable.render(Fixture.sweep(), width);
            for (String line : table.lines().toList()) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
            assertTrue(table.contains("Accuracy") && table.contains("FLOPs"), "the key columns stay at " + width + ":\n" + table);
            assertTrue(table.contains("random 70%"), "sweep values stay readable at " + width + ":\n" + table);
        }
        assertTrue(ResultsTable.render(Fixture.sweep(), 200).contains("CO2e"));
        assertTrue(!ResultsTable.render(Fixture.sweep(), 60).contains("CO2e"));
    }

    @Test
    void resultsTableReadsTheJsonDocument() {
        JsonObject doc = JsonParser.parseString("{\"schema\":\"titans-result/1\",\"experiments\":[{\"id\":\"lm\",\"status\":\"complete\","
                + "\"baseline\":{\"perplexity\":20.0,\"params\":1000},\"pruned\":{\"perplexity\":22.0,\"params\":700}}]}").getAsJsonObject();
        String table = ResultsTable.render(doc, 80);
        assertTrue(table.contains("Perplexity") && table.contains("Rise"), table);
        assertTrue(table.contains("10%"), "perplexity rose by 10%:\n" + table);
    }
}
