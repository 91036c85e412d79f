package org.tinytitans.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.engine.zoo.Zoo;

/**
 * MACs per layer as the layer computes them, and the catalog's {@code flops} doc (the row of docs/language.md)
 * evaluated against the counting code, so the documented formula cannot drift from the one that counts.
 */
class MacFormulaTest {

    private static Graph net(Layer... body) {
        List<Layer> layers = new java.util.ArrayList<>(List.of(Layer.input("in", 8)));
        layers.addAll(List.of(body));
        return new Graph("t", 10, 12, layers, List.of());
    }

    @Test
    void groupedDepthwiseAndPointwiseConvsCountTheirOwnMultiplies() {
        Graph g = net(
                Layer.conv("grouped", "in", 8, 16, 3, 1, 1, 4, false),   // 10x12 out, 2 input channels per group
                Layer.conv("dw", "grouped", 16, 16, 3, 2, 1, 16, false), // depthwise, stride 2: 5x6 out
                Layer.conv("pw", "dw", 16, 24, 1, 1, 0, 1, false),
                Layer.simple("flat", Kind.FLATTEN, "pw"),
                Layer.dense("fc", "flat", 24 * 5 * 6, 7, null));
        assertEquals(10L * 12 * (8 / 4) * 16 * 9, g.macs(g.layer("grouped")));
        assertEquals(5L * 6 * 1 * 16 * 9, g.macs(g.layer("dw")));
        assertEquals(5L * 6 * 16 * 24, g.macs(g.layer("pw")));
        assertEquals(24L * 5 * 6 * 7, g.macs(g.layer("fc")));
        // The tutorial's alternative charges the depthwise conv an extra Cin*Cout*H*W, and nothing else differs.
        assertEquals(5L * 6 * 16 * 9 + 5L * 6 * 16 * 16, g.tutorialMacs(g.layer("dw")));
        assertEquals(g.macs(g.layer("pw")), g.tutorialMacs(g.layer("pw")));
        assertEquals(g.counts().macs() + 5L * 6 * 16 * 16, g.tutorialMacs());
    }

    @Test
    void documentedFormulaIsTheCountingCode() {
        String doc = Catalog.get().metric("flops").orElseThrow().doc();
        String conv = term(doc, "conv"), dense = term(doc, "dense");
        int checked = 0;
        for (String model : Zoo.names()) {
            Graph g = Zoo.build(model);
            for (Layer l : g.layers()) {
                Dims o = g.shape(l.name());
                Map<String, Long> v = Map.of("Hout", (long) o.h(), "Wout", (long) o.w(), "Cin", (long) l.in(),
                        "Cout", (long) l.out(), "groups", (long) l.groups(), "kh", (long) l.kernel(), "kw", (long) l.kernel(),
                        "in", (long) l.in(), "out", (long) l.out());
                if (l.kind() == Kind.CONV) {
                    assertEquals(eval(conv, v), g.macs(l), model + " " + l.name() + ": docs say " + conv);
                    checked++;
                } else if (l.kind() == Kind.DENSE) {
                    assertEquals(eval(dense, v), g.macs(l), model + " " + l.name() + ": docs say " + dense);
                    checked++;
                }
            }
        }
        assertTrue(checked > 500, "layers checked: " + checked);
    }

    /** The expression after "NAME: " in the doc, up to the next ',' or ';' outside parentheses. */
    private static String term(String doc, String name) {
        Matcher m = Pattern.compile("\\b" + name + ": ").matcher(doc);
        assertTrue(m.find(), "the flops doc states no '" + name + ":' formula: " + doc);
        int depth = 0, i = m.end();
        StringBuilder out = new StringBuilder();
        for (; i < doc.length(); i++) {
            char c = doc.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && (c == ',' || c == ';')) {
                break;
            }
            out.append(c);
        }
        return out.toString().trim();
    }

    /** Products and quotients of names and parenthesised groups, evaluated left to right (integer division). */
    static long eval(String expr, Map<String, Long> vars) {
        int[] pos = {0};
        long r = product(expr.replace(" ", ""), pos, vars);
        assertEquals(expr.replace(" ", "").length(), pos[0], "unparsed rest of '" + expr + "'");
        return r;
    }

    private static long product(String s, int[] pos, Map<String, Long> vars) {
        long acc = factor(s, pos, vars);
        while (pos[0] < s.length() && (s.charAt(pos[0]) == '*' || s.charAt(pos[0]) == '/')) {
            char op = s.charAt(pos[0]++);
            long f = factor(s, pos, vars);
            acc = op == '*' ? acc * f : acc / f;
        }
        return acc;
    }

    private static long factor(String s, int[] pos, Map<String, Long> vars) {
        if (s.charAt(pos[0]) == '(') {
            pos[0]++;
            long r = product(s, pos, vars);
            assertEquals(')', s.charAt(pos[0]++), "unbalanced '(' in " + s);
            return r;
        }
        int start = pos[0];
        while (pos[0] < s.length() && Character.isLetter(s.charAt(pos[0]))) {
            pos[0]++;
        }
        String name = s.substring(start, pos[0]);
        Long v = vars.get(name);
        assertTrue(v != null, "unknown name '" + name + "' in " + s);
        return v;
    }
}
