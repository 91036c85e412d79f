package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    static String html;
    static Document doc;

    @BeforeAll
    static void render() throws Exception {
        html = HtmlReport.render(Fixture.sweep());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // a parse error here means the report is not well-formed
        doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static Element figure(String id) {
        NodeList figures = doc.getElementsByTagNameNS("*", "figure");
        for (int i = 0; i < figures.getLength(); i++) {
            Element e = (Element) figures.item(i);
            if (id.equals(e.getAttribute("id"))) return e;
        }
        return null;
    }

    /** The circles of one plot by experiment id: {cx, cy}, and which are marked Pareto. */
    static Map<String, double[]> circles(Element plot, List<String> paretoOut) {
        Map<String, double[]> out = new HashMap<>();
        NodeList cs = plot.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        for (int i = 0; i < cs.getLength(); i++) {
            Element c = (Element) cs.item(i);
            out.put(c.getAttribute("data-id"), new double[] {Double.parseDouble(c.getAttribute("cx")), Double.parseDouble(c.getAttribute("cy"))});
            if (c.getAttribute("class").contains("pareto")) paretoOut.add(c.getAttribute("data-id"));
        }
        return out;
    }

    @Test
    void isSelfContained() {
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no stylesheets to fetch");
        assertFalse(html.contains("src=\""), "no images to fetch");
        assertFalse(html.replace("http://www.w3.org/", "").contains("http"), "no links outside the file but namespaces");
        assertTrue(html.contains("<style>"));
    }

    @Test
    void accuracyAgainstFlopsHasACirclePerFinishedExperimentInTheRightPlaces() {
        Element plot = figure("plot-flops");
        assertNotNull(plot, "accuracy vs FLOPs plot");
        List<String> pareto = new java.util.ArrayList<>();
        Map<String, double[]> c = circles(plot, pareto);
        assertEquals(5, c.size(), "five finished experiments, the failed one left out");
        // fewer FLOPs is further left
        assertTrue(c.get(Fixture.L1_70)[0] < c.get(Fixture.L1_50)[0]);
        assertTrue(c.get(Fixture.L1_50)[0] < c.get(Fixture.L1_30)[0]);
        // higher accuracy is higher up, i.e. a smaller y in SVG
        assertTrue(c.get(Fixture.L1_30)[1] < c.get(Fixture.L1_50)[1]);
        assertTrue(c.get(Fixture.L1_50)[1] < c.get(Fixture.RANDOM_50)[1]);
        // same FLOPs, same x
        assertEquals(c.get(Fixture.L1_50)[0], c.get(Fixture.RANDOM_50)[0], 0.05);
        assertEquals(List.of(Fixture.L1_30, Fixture.L1_50, Fixture.L1_70), pareto);
        assertEquals(1, plot.getElementsByTagNameNS("*", "polyline").getLength(), "the front is drawn");
        assertEquals(1, plot.getElementsByTagNameNS("*", "rect").getLength(), "one baseline square");
        assertTrue(plot.getTextContent().contains("random 50%"), "points are labelled by variant");
    }

    @Test
    void theProjectedSavingShowsItsRangeAndMethodAsEveryFigureDoes() {
        assertTrue(html.contains("deployment saves 0.152 kWh (0.076 to 0.228) and 0.066 kg CO2e (0.033 to 0.099) per 1M inferences, "
                + "rapl+not-used+estimated:ram-model"), html);
        assertTrue(html.contains("energy (job) 0.062 Wh (0.033 to 0.091), "), html);
        assertTrue(html.contains("carbon (job) 0.027 g CO2e (0.014 to 0.039), at 432 g/kWh"), html);
    }

    @Test
    void hasPlotsForEveryCostAxis() {
        for (String cost : TradeoffPlots.COSTS) {
            assertNotNull(figure("plot-" + cost), cost);
        }
    }

    @Test
    void showsLayerWidthsAndEnergyPerPhase() {
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        int widths = 0;
        int energy = 0;
        for (int i = 0; i < svgs.getLength(); i++) {
            String text = svgs.item(i).getTextContent();
            if (text.contains("Layer widths")) {
                widths++;
                assertTrue(text.contains("conv2"), text);
            }
            if (text.contains("Energy per phase")) {
                energy++;
                assertTrue(text.contains("finetune"), text);
            }
        }
        assertEquals(5, widths);
        assertEquals(5, energy);
        assertTrue(html.contains("11 / 16"), "conv1 keeps 11 of 16 filters at 30%");
    }

    @Test
    void tablesShowChangesExpectationsEnvironmentAndSpec() {
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("flops <= 60%"));
        assertTrue(html.contains("<span class=\"fail\">fail</span>"));
        assertTrue(html.contains("<span class=\"pass\">pass</span>"));
        assertTrue(text.contains("-0.5 points"), "l1 30% loses half a point of accuracy");
        assertTrue(text.contains("-30.3%"), "its FLOPs fall by 30.3%");
        assertTrue(text.contains("Intel(R) Xeon(R)"));
        assertTrue(text.contains("pytorch"));
        assertTrue(text.contains("criterion l1, random, fpgm"), "the spec as run");
        assertTrue(text.contains("out of memory while scoring conv2"), "the failed experiment's error");
    }

    @Test
    void escapesWhatItQuotes() throws Exception {
        RunResult run = ResultReader.parse("{\"schema\":\"titans-result/1\",\"spec\":\"a<b>&.prune\",\"experiments\":[{\"name\":\"x<y\","
                + "\"status\":\"complete\",\"error\":\"bad & \\u0001 worse\",\"pruned\":{\"accuracy\":0.5,\"flops\":3},\"baseline\":{\"accuracy\":0.6,\"flops\":4}}]}",
                null, "expect accuracy > 1 & <2");
        String out = HtmlReport.render(run);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        assertTrue(out.contains("x&lt;y"));
    }

    @Test
    void languageModelsArePlottedByPerplexityLowerBetter() throws Exception {
        RunResult run = ResultReader.parse("{\"schema\":\"titans-result/1\",\"experiments\":["
                + "{\"id\":\"a\",\"status\":\"complete\",\"baseline\":{\"perplexity\":20,\"params\":100},\"pruned\":{\"perplexity\":22,\"params\":80}},"
                + "{\"id\":\"b\",\"status\":\"complete\",\"baseline\":{\"perplexity\":20,\"params\":100},\"pruned\":{\"perplexity\":30,\"params\":80}},"
                + "{\"id\":\"c\",\"status\":\"complete\",\"baseline\":{\"perplexity\":20,\"params\":100},\"pruned\":{\"perplexity\":40,\"params\":50}}]}",
                null, null);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document lm = f.newDocumentBuilder().parse(new ByteArrayInputStream(HtmlReport.render(run).getBytes(StandardCharsets.UTF_8)));
        Element plot = null;
        NodeList figures = lm.getElementsByTagNameNS("*", "figure");
        for (int i = 0; i < figures.getLength(); i++) {
            if ("plot-params".equals(((Element) figures.item(i)).getAttribute("id"))) plot = (Element) figures.item(i);
        }
        assertNotNull(plot);
        assertTrue(plot.getTextContent().contains("Perplexity vs Params"), plot.getTextContent());
        List<String> pareto = new java.util.ArrayList<>();
        Map<String, double[]> c = circles(plot, pareto);
        // b has a's params and a worse perplexity; c is cheaper: a and c are the front
        assertEquals(List.of("a", "c"), pareto);
        assertTrue(c.get("b")[1] < c.get("a")[1], "higher perplexity is drawn higher");
    }

    @Test
    void saysWhereItRanAtTheTop() {
        int top = html.indexOf("<h2");
        String head = html.substring(0, top);
        assertTrue(head.contains("cpu on Intel(R) Xeon(R) CPU @ 2.20GHz (2 cores)"), head);
        assertTrue(head.contains("PyTorch 2.7.1") && head.contains("DJL 0.36.0"), head);
    }
}
