package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The reports of a run with a sensitivity scan and a ratio search (test resources report/search, issue 18's contract). */
class SearchReportTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    static RunResult searched() {
        try {
            return ResultReader.read(Path.of(SearchReportTest.class.getResource("/report/search/result.json").toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static Element figure(Document doc, String cls) {
        NodeList figures = doc.getElementsByTagNameNS("*", "figure");
        for (int i = 0; i < figures.getLength(); i++) {
            Element e = (Element) figures.item(i);
            if (cls.equals(e.getAttribute("class"))) return e;
        }
        return null;
    }

    static List<Element> elements(Element in, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = in.getElementsByTagNameNS(SVG, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cls == null || e.getAttribute("class").equals(cls)) out.add(e);
        }
        return out;
    }

    @Test
    void readsTheScanAndTheSearch() {
        ExperimentResult e = searched().experiments().get(0);
        assertEquals(List.of("conv1", "conv2"), e.sensitivity().layers().stream().map(Sensitivity.Curve::layer).toList());
        assertEquals(0.981, e.sensitivity().baseline());
        assertEquals(5, e.search().trials().size());
        assertEquals(4, e.search().chosenTrial().id());
        assertEquals("flops", e.search().constrainedMetric());
        assertEquals(0.55, e.search().chosenTrial().plan().get(0).ratios().get("conv2"));
        assertNull(Fixture.sweep().experiments().get(0).search(), "runs without a search have none");
    }

    @Test
    void htmlDrawsOneSensitivityLinePerLayerWithTheBaseline() throws Exception {
        Document doc = parse(HtmlReport.render(searched()));
        Element f = figure(doc, "sensitivity");
        assertNotNull(f, "a sensitivity figure");
        List<Element> series = elements(f, "g", "series");
        assertEquals(List.of("conv1", "conv2"), series.stream().map(s -> s.getAttribute("data-name")).toList());
        for (Element s : series) {
            assertEquals(4, s.getElementsByTagNameNS(SVG, "circle").getLength(), "a point per scanned ratio");
            assertEquals(1, s.getElementsByTagNameNS(SVG, "polyline").getLength(), "joined by a line");
        }
        Element ref = elements(f, "line", "reference").get(0);
        assertEquals(ref.getAttribute("y1"), ref.getAttribute("y2"), "the baseline is level");
        // conv1 at 80% (0.52) is far below the baseline (0.981): its point is drawn lower (larger y)
        Element conv1At80 = (Element) series.get(0).getElementsByTagNameNS(SVG, "circle").item(3);
        assertTrue(Double.parseDouble(conv1At80.getAttribute("cy")) > Double.parseDouble(ref.getAttribute("y1")) + 100);
    }

    @Test
    void htmlDrawsTheTraceByStageAndTheParetoFrontWithTheChosenPlan() throws Exception {
        Document doc = parse(HtmlReport.render(searched()));
        Element trace = figure(doc, "search-trace");
        assertEquals(List.of("bisection", "allocation", "finalist"),
                elements(trace, "g", "series").stream().map(s -> s.getAttribute("data-name")).toList());
        assertEquals(5, elements(trace, "circle", "point").size(), "every trial");
        assertEquals(1, elements(trace, "circle", "chosen").size());

        Element pareto = figure(doc, "search-pareto");
        List<Element> series = elements(pareto, "g", "series");
        assertEquals(List.of("meets every budget", "breaks a budget", "Pareto front"), series.stream().map(s -> s.getAttribute("data-name")).toList());
        assertEquals(4, series.get(0).getElementsByTagNameNS(SVG, "circle").getLength());
        Element broken = (Element) series.get(1).getElementsByTagNameNS(SVG, "circle").item(0);
        assertEquals("#ffffff", broken.getAttribute("fill"), "an infeasible trial is hollow");
        assertEquals(4, series.get(2).getElementsByTagNameNS(SVG, "circle").getLength(), "the four trials marked pareto");
        Element chosen = elements(pareto, "circle", "chosen").get(0);
        Element finalist = (Element) series.get(0).getElementsByTagNameNS(SVG, "circle").item(3);
        assertEquals(finalist.getAttribute("cx"), chosen.getAttribute("cx"), "the ring is on trial 4");
        assertEquals(finalist.getAttribute("cy"), chosen.getAttribute("cy"));
        assertTrue(pareto.getTextContent().contains("budget <= 50%"), pareto.getTextContent());
    }

    @Test
    void everyReportShowsTheChosenPlan() throws Exception {
        Document doc = parse(HtmlReport.render(searched()));
        NodeList tables = doc.getElementsByTagNameNS("*", "table");
        Element plan = null;
        for (int i = 0; i < tables.getLength(); i++) {
            if ("plan".equals(((Element) tables.item(i)).getAttribute("class"))) plan = (Element) tables.item(i);
        }
        assertNotNull(plan);
        String text = plan.getTextContent();
        assertTrue(text.contains("conv1") && text.contains("30%") && text.contains("conv2") && text.contains("55%"), text);

        String md = MarkdownReport.render(searched());
        assertTrue(md.contains("| 0 | filters | conv1 | 30% |\n| 0 | filters | conv2 | 55% |"), md);
        assertTrue(md.contains("Chosen: trial 4 of 5 (finalist), accuracy 97.8%, FLOPs "), md);

        String csv = CsvReport.render(searched());
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        int col = header.indexOf("search_plan");
        assertTrue(col > 0, lines[0]);
        assertTrue(lines[1].contains("\"block 0 filters: conv1 30%, conv2 55%\""), lines[1]);
        assertTrue(!CsvReport.render(Fixture.sweep()).contains("search_plan"), "no plan column without a search");
    }

    @Test
    void aPlanForLayerPruningIsACount() {
        SearchResult s = new SearchResult("perplexity", false, "uniform", List.of(), List.of(new SearchResult.Trial(0, "winner",
                List.of(new SearchResult.BlockPlan(1, "layers", java.util.Map.of(), 3)), null, 1e6, null, null, 40.0, true, true)), 0);
        assertEquals(List.of(new SearchReport.PlanRow(1, "layers", "-", "count 3")), SearchReport.planRows(s));
        assertEquals("params", new SearchResult("perplexity", false, null,
                List.of(new SearchResult.Constraint("params", "<=", 0.5, true, 3)), s.trials(), 0).constrainedMetric());
    }
}
