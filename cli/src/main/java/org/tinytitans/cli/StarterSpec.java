package org.tinytitans.cli;

import java.util.List;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.DatasetInfo;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.catalog.ModelInfo;

/**
 * The commented starter spec {@code titans-cli init} writes: the catalog's defaults for a model (its dataset
 * and data path, the first weights-only criterion), so that it checks clean and runs as it is.
 */
final class StarterSpec {
    private StarterSpec() {}

    static String forModel(ModelInfo m) {
        if (m.modelFamily() == org.tinytitans.language.catalog.ModelFamily.VLM) {
            return forVisionLanguageModel(m);
        }
        Catalog c = Catalog.get();
        DatasetInfo data = c.dataset(m.defaultDataset()).orElseThrow();
        boolean lm = m.isLanguage();
        boolean vit = m.modelFamily() == ModelFamily.VIT;
        if (c.methods().stream().noneMatch(x -> x.family() == m.modelFamily())) {
            throw new UsageException("no pruning method applies to " + m.modelFamily().plural() + " yet; " + m.name()
                    + " has estimates only");
        }
        // language models lose layers at random, as the tutorial's LM case; vision transformers tokens; CNNs filters
        String granularity = lm ? "layers" : vit ? "tokens" : "filters";
        String criterion = lm ? "random" : c.defaultCriterion(granularity).orElseThrow();
        String others = String.join(", ", c.criteria(granularity, m.modelFamily()).stream().map(x -> x.name())
                .filter(x -> !x.equals(criterion)).toList());
        String name = m.name().replaceAll("[^A-Za-z0-9_-]", "_") + "_" + criterion;
        StringBuilder s = new StringBuilder();
        s.append("# Starter spec for ").append(m.name()).append(": ").append(m.doc()).append('\n');
        s.append("# Check it:  titans-cli check FILE      (errors as FILE:LINE:COL)\n");
        s.append("# Estimate:  titans-cli estimate FILE   (FLOPs and params before and after, no data needed)\n");
        s.append("# Run it:    titans-cli run FILE        (results in .titans/STEM/, then titans-cli report FILE)\n");
        s.append("# `titans-cli criteria` lists the criteria; in the editor every keyword has hover docs.\n\n");
        s.append("experiment ").append(name).append(" {\n");
        s.append("  model ").append(m.name()).append(" {\n");
        if (vit) {
            s.append("    # weights \"models/").append(m.name())
                    .append("\"   # a Hugging Face ViTForImageClassification folder; without it the model starts untrained\n");
        } else if (m.name().equals("hf")) {
            s.append("    weights \"models/my-model\"          # a Hugging Face folder: config.json + *.safetensors\n");
        } else {
            s.append("    # weights \"models/").append(m.name()).append(lm ? "" : ".h5")
                    .append("\"   # pretrained weights (Keras H5, safetensors or .tt); without them the model starts untrained\n");
        }
        s.append("  }\n");
        s.append("  dataset ").append(data.name()).append(" {\n");
        s.append("    path \"").append(data.defaultPath()).append("\"   # ").append(firstSentence(data.doc())).append('\n');
        s.append("  }\n");
        s.append("  prune ").append(granularity).append(" {\n");
        s.append("    criterion ").append(criterion).append("   # or: ").append(others).append('\n');
        s.append("    ratio ").append(lm ? "25%" : "50%")
                .append("   # the fraction removed; several values (30%, 50%, 70%) make a sweep\n");
        if (vit) {
            s.append("    after 1   # blocks after this one see the tokens left\n");
        }
        s.append("  }\n");
        if (!vit) { // token pruning changes no weight: nothing to fine-tune
            s.append("  finetune {\n    epochs 1   # recover accuracy after pruning; drop the block to measure the raw cut\n  }\n");
        }
        List<String> measures = lm ? List.of("params", "perplexity", "latency", "energy", "carbon")
                : List.of("flops", "params", "latency", "accuracy", "energy", "carbon");
        s.append("  measure ").append(String.join(", ", measures)).append('\n');
        s.append("  target cpu   # or: gpu, ssh \"user@host\", slurm \"partition\"\n");
        if (lm) {
            s.append("  expect params <= 80%              # a % of a count is relative to the unpruned model\n");
            s.append("  expect perplexity drop <= 20%     # perplexity at most 20% higher than before\n");
        } else {
            s.append("  expect flops <= ").append(vit ? "70" : "60").append("%               # a % of a count is relative to the unpruned model\n");
            s.append("  expect accuracy drop <= 2%        # at most 2 percentage points lost\n");
        }
        s.append("}\n");
        return s.toString();
    }

    /** A vision-language model: its visual tokens dropped after decoder layer 2, measured on its questions. */
    private static String forVisionLanguageModel(ModelInfo m) {
        DatasetInfo data = Catalog.get().dataset(m.defaultDataset()).orElseThrow();
        String name = m.name().replaceAll("[^A-Za-z0-9_-]", "_") + "_tokens";
        return "# Starter spec for " + m.name() + ": " + m.doc() + "\n"
                + "# Check it:  titans-cli check FILE      (errors as FILE:LINE:COL)\n"
                + "# Run it:    titans-cli run FILE        (results in .titans/STEM/, then titans-cli report FILE)\n\n"
                + "experiment " + name + " {\n"
                + "  model " + m.name() + " {\n"
                + "    weights \"models/" + m.name() + "\"   # a Hugging Face LlavaForConditionalGeneration folder\n"
                + "  }\n"
                + "  dataset " + data.name() + " {\n"
                + "    path \"" + data.defaultPath() + "\"   # " + firstSentence(data.doc()) + "\n"
                + "  }\n"
                + "  prune tokens {\n"
                + "    criterion attention-received   # FastV: the image tokens that receive the least attention go\n"
                + "    ratio 50%   # the fraction of the image's tokens removed\n"
                + "    after 2     # decoder layer after which they are dropped\n"
                + "  }\n"
                + "  measure flops, params, latency, accuracy, energy, carbon\n"
                + "  target cpu   # or: gpu, ssh \"user@host\", slurm \"partition\"\n"
                + "  expect flops <= 90%               # MACs per question, relative to the unpruned model\n"
                + "  expect accuracy drop <= 5%        # at most 5 percentage points lost\n"
                + "}\n";
    }

    private static String firstSentence(String doc) {
        int dot = doc.indexOf("; ");
        int end = doc.indexOf(". ");
        int cut = dot > 0 && (end < 0 || dot < end) ? dot : end;
        String s = cut > 0 ? doc.substring(0, cut) : doc;
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
