package org.tinytitans.engine.vit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.LmConfig;

/**
 * The engine's tensor names for the vision models, and the shape each must have. A tower under prefix
 * {@code p} ("" for ViT, "vision." or "text." for CLIP and LLaVA) has {@code p+patch.w} (hidden, channels·patch²:
 * the patch convolution as the matrix it is), {@code p+patch.b} (ViT only), {@code p+cls} (hidden),
 * {@code p+pos} (tokens, hidden), {@code p+pre_norm} (CLIP), per layer {@code p+layers.N.attn_norm}, {@code .q},
 * {@code .k}, {@code .v}, {@code .o}, {@code .mlp_norm}, {@code .up}, {@code .down}, and {@code p+norm}; each
 * module has {@code .w} and {@code .b}. Linear weights are (out, in) as in PyTorch. CLIP adds {@code text.embed},
 * {@code vision.proj.w}, {@code text.proj.w} and {@code logit_scale}; ViT {@code head.w/.b}; LLaVA
 * {@code projector.1.w/.b} and {@code projector.2.w/.b} (its decoder is an engine/lm {@code LanguageModel}).
 */
public final class VisionNames {
    public static final String[] LINEARS = {"q", "k", "v", "o", "up", "down"};

    private VisionNames() {}

    public static String layer(String prefix, int i, String part) {
        return prefix + "layers." + i + "." + part;
    }

    /** Every tensor of the model (LLaVA: without its decoder) with its shape, in a stable order. */
    public static Map<String, long[]> expected(MultimodalConfig c) {
        Map<String, long[]> out = new LinkedHashMap<>();
        if (c instanceof VitConfig v) {
            tower(out, "", v.tower());
            out.put("head.w", new long[] {v.labels(), v.tower().hidden()});
            out.put("head.b", new long[] {v.labels()});
        } else if (c instanceof ClipConfig v) {
            tower(out, "vision.", v.vision());
            ClipText x = v.text();
            out.put("text.embed", new long[] {x.vocab(), x.hidden()});
            out.put("text.pos", new long[] {x.maxPositions(), x.hidden()});
            layers(out, "text.", x.encoder());
            norm(out, "text.norm", x.hidden());
            out.put("vision.proj.w", new long[] {v.projectionDim(), v.vision().hidden()});
            out.put("text.proj.w", new long[] {v.projectionDim(), x.hidden()});
            out.put("logit_scale", new long[] {});
        } else {
            LlavaConfig l = (LlavaConfig) c;
            tower(out, "vision.", l.vision());
            LmConfig t = l.text();
            out.put("projector.1.w", new long[] {t.hidden(), l.vision().hidden()});
            if (l.projectorBias()) {
                out.put("projector.1.b", new long[] {t.hidden()});
            }
            if (l.projectorLayers() == 2) {
                out.put("projector.2.w", new long[] {t.hidden(), t.hidden()});
                if (l.projectorBias()) {
                    out.put("projector.2.b", new long[] {t.hidden()});
                }
            }
        }
        return out;
    }

    private static void tower(Map<String, long[]> out, String p, VisionTower t) {
        long h = t.hidden();
        out.put(p + "patch.w", new long[] {h, t.patchValues()});
        if (!t.clipStyle()) {
            out.put(p + "patch.b", new long[] {h});
        }
        out.put(p + "cls", new long[] {h});
        out.put(p + "pos", new long[] {t.tokens(), h});
        if (t.clipStyle()) {
            norm(out, p + "pre_norm", h);
        }
        layers(out, p, t.encoder());
        norm(out, p + "norm", h);
    }

    private static void layers(Map<String, long[]> out, String p, EncoderConfig e) {
        long h = e.hidden();
        long i = e.intermediate();
        long a = e.attentionWidth();
        for (int l = 0; l < e.layers(); l++) {
            norm(out, layer(p, l, "attn_norm"), h);
            for (String x : new String[] {"q", "k", "v"}) {
                out.put(layer(p, l, x) + ".w", new long[] {a, h});
                out.put(layer(p, l, x) + ".b", new long[] {a});
            }
            out.put(layer(p, l, "o") + ".w", new long[] {h, a});
            out.put(layer(p, l, "o") + ".b", new long[] {h});
            norm(out, layer(p, l, "mlp_norm"), h);
            out.put(layer(p, l, "up") + ".w", new long[] {i, h});
            out.put(layer(p, l, "up") + ".b", new long[] {i});
            out.put(layer(p, l, "down") + ".w", new long[] {h, i});
            out.put(layer(p, l, "down") + ".b", new long[] {h});
        }
    }

    private static void norm(Map<String, long[]> out, String module, long h) {
        out.put(module + ".w", new long[] {h});
        out.put(module + ".b", new long[] {h});
    }
}
