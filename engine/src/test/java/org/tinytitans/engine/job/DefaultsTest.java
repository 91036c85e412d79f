package org.tinytitans.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.metrics.CarbonIntensity;
import org.tinytitans.engine.metrics.EnergySettings;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.catalog.BlockInfo;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.DatasetInfo;
import org.tinytitans.language.catalog.ModelInfo;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.catalog.Quantity;

/**
 * Defaults live in the catalog only: every default it states is what an empty block resolves to, and what the
 * engine then uses (a real job on the shipped MNIST CNN records the values it ran with).
 */
class DefaultsTest {
    static final Catalog C = Catalog.get();
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    /** Every block that has a body, empty; `dataset mnist` so dataset defaults apply. */
    static final String EMPTY = """
            experiment e {
              model mnist-cnn
              dataset mnist {}
              prune filters {}
              finetune {}
              latency {}
              energy {}
            }
            """;

    /** Where each property with a catalog default lands in a resolved run. */
    static final Map<String, Function<ExperimentRun, Object>> RESOLVED = new LinkedHashMap<>();

    static {
        RESOLVED.put("experiment seed", ExperimentRun::seed);
        RESOLVED.put("dataset split", r -> r.dataset().split());
        RESOLVED.put("dataset batch", r -> r.dataset().batch());
        RESOLVED.put("dataset preprocess", r -> r.dataset().preprocess());
        RESOLVED.put("dataset seq-len", r -> r.dataset().seqLen());
        RESOLVED.put("prune ratio", r -> r.prunes().get(0).ratio());
        RESOLVED.put("prune steps", r -> r.prunes().get(0).steps());
        RESOLVED.put("prune scope", r -> r.prunes().get(0).scope());
        RESOLVED.put("prune seed", r -> r.prunes().get(0).seed());
        RESOLVED.put("prune min-filters", r -> r.prunes().get(0).minFilters());
        RESOLVED.put("prune round-to", r -> r.prunes().get(0).roundTo());
        RESOLVED.put("prune after", r -> r.prunes().get(0).after());
        RESOLVED.put("prune fuse", r -> r.prunes().get(0).fuse());
        RESOLVED.put("finetune epochs", r -> r.finetune().epochs());
        RESOLVED.put("finetune lr", r -> r.finetune().lr());
        RESOLVED.put("finetune batch", r -> r.finetune().batch());
        RESOLVED.put("finetune optimizer", r -> r.finetune().optimizer());
        RESOLVED.put("finetune momentum", r -> r.finetune().momentum());
        RESOLVED.put("finetune nesterov", r -> r.finetune().nesterov());
        RESOLVED.put("finetune weight-decay", r -> r.finetune().weightDecay());
        RESOLVED.put("finetune warmup", r -> r.finetune().warmup());
        RESOLVED.put("finetune schedule", r -> r.finetune().schedule());
        RESOLVED.put("finetune milestones", r -> r.finetune().milestones());
        RESOLVED.put("finetune gamma", r -> r.finetune().gamma());
        RESOLVED.put("finetune distill", r -> r.finetune().distill());
        RESOLVED.put("finetune augment", r -> r.finetune().augment());
        RESOLVED.put("finetune lora-rank", r -> r.finetune().loraRank());
        RESOLVED.put("finetune lora-alpha", r -> r.finetune().loraAlpha());
        RESOLVED.put("finetune max-steps", r -> r.finetune().maxSteps());
        RESOLVED.put("latency batch", r -> r.latency().batch());
        RESOLVED.put("latency runs", r -> r.latency().runs());
        RESOLVED.put("latency warmup", r -> r.latency().warmup());
        RESOLVED.put("latency threads", r -> r.latency().threads());
        RESOLVED.put("latency runtime", r -> r.latency().runtime());
        RESOLVED.put("energy pue", r -> r.energy().pue());
        RESOLVED.put("energy wue", r -> r.energy().wueLPerKwh());
        RESOLVED.put("energy utilization", r -> r.energy().utilization());
        // search: resolved for every run (a `search` block or not), so an experiment's `ratio auto` has them
        RESOLVED.put("search trials", r -> r.search().trials());
        RESOLVED.put("search allocation", r -> r.search().allocation());
        RESOLVED.put("search ratios", r -> r.search().ratios());
        RESOLVED.put("search finalists", r -> r.search().finalists());
        RESOLVED.put("search finalist-epochs", r -> r.search().finalistEpochs());
        RESOLVED.put("search samples", r -> r.search().samples());
        // intensity: the resolved value stays null (the region's, when one is given); the engine's own default
        // must be the catalog's, checked below
        RESOLVED.put("energy intensity", r -> r.energy().intensityGPerKwh() == null
                ? CarbonIntensity.TUTORIAL_DEFAULT.kgPerKWh() * 1000 : r.energy().intensityGPerKwh());
    }

    @TempDir
    Path dir;

    @Test
    void everyCatalogDefaultIsWhatAnEmptyBlockResolvesTo() {
        ExperimentRun run = Experiments.resolve(SpecDocument.parse(EMPTY)).get(0);
        Set<String> stated = new TreeSet<>();
        for (BlockInfo b : C.blocks()) {
            for (PropertyInfo p : b.properties()) {
                if (p.defaultValue() == null || b.name().equals("target")) continue; // target: no block here
                String key = b.name() + " " + p.name();
                stated.add(key);
                Function<ExperimentRun, Object> read = RESOLVED.get(key);
                assertNotNull(read, key + " has a catalog default: say where it resolves to in this test");
                assertEquals(typed(p.defaultValue(), read.apply(run)), read.apply(run), key);
            }
        }
        assertEquals(new TreeSet<>(RESOLVED.keySet()), stated, "the properties with a catalog default");
    }

    @Test
    void everyGranularityResolvesToTheCatalogsDefaultCriterion() {
        for (Granularity g : Granularity.values()) {
            ExperimentRun run = Experiments.resolve(SpecDocument.parse("experiment e { model mnist-cnn\n prune " + g.keyword() + " {} }")).get(0);
            assertEquals(g, run.prunes().get(0).granularity());
            assertEquals(C.defaultCriterion(g.keyword()).orElseThrow(), run.prunes().get(0).criterion(), g.keyword());
        }
    }

    @Test
    void targetDefaultsAreTheCatalogs() {
        ExperimentRun run = Experiments.resolve(SpecDocument.parse("experiment e { model mnist-cnn\n target slurm \"p\" {} }")).get(0);
        for (PropertyInfo p : C.block("target").orElseThrow().properties()) {
            assertEquals(null, p.defaultValue(), "target " + p.name() + ": Slurm's and the host's own defaults apply, "
                    + "and the engine sends nothing for a property not given");
        }
        assertEquals(null, run.target().gpus());
        assertEquals(null, run.target().time());
    }

    @Test
    void samplesDependOnTheDatasetAsItsCatalogEntrySays() {
        for (DatasetInfo d : C.datasets()) {
            ExperimentRun run = Experiments.resolve(SpecDocument.parse("experiment e { model mnist-cnn\n dataset " + d.name()
                    + "\n prune filters { criterion l1 } }")).get(0);
            assertEquals(d.samples(), run.dataset().samples(), d.name() + ": dataset samples");
            assertEquals(d.pruneSamples() != null ? d.pruneSamples() : d.samples(), run.prunes().get(0).samples(),
                    d.name() + ": prune samples");
        }
        ExperimentRun own = Experiments.resolve(SpecDocument.parse(
                "experiment e { model mnist-cnn\n dataset mnist { samples 300 }\n prune filters { criterion l1 } }")).get(0);
        assertEquals(300, own.prunes().get(0).samples(), "an image dataset's own samples feed its criteria");
    }

    @Test
    void zooClassesAndTheEnginesOwnDefaultsAreTheCatalogs() {
        for (ModelInfo m : C.models()) {
            if (!Zoo.has(m.name())) continue;
            ExperimentRun run = Experiments.resolve(SpecDocument.parse("experiment e { model " + m.name() + " }")).get(0);
            assertEquals(Zoo.entry(m.name()).classes(), run.model().classes(), m.name() + ": classes");
            assertEquals(m.classes(), Zoo.entry(m.name()).classes(), m.name() + ": the catalog's and the engine's zoo");
        }
        Catalog c = C;
        assertEquals(Quantity.parse(c.property("energy", "intensity").orElseThrow().defaultValue()).orElseThrow().base(),
                CarbonIntensity.TUTORIAL_DEFAULT.kgPerKWh() * 1000, 1e-9, "g/kWh");
        assertEquals(Double.parseDouble(c.property("energy", "pue").orElseThrow().defaultValue()), EnergySettings.defaults().pue());
    }

    /** A real job with empty blocks runs with the catalog's values: latency batch and runs, scoring samples, PUE. */
    @Test
    void aJobWithEmptyBlocksRunsWithTheCatalogDefaults() throws IOException {
        Path spec = Files.writeString(dir.resolve("d.prune"), """
                experiment e {
                  model mnist-cnn { weights "%s" }
                  dataset mnist { path "%s" }
                  prune filters { criterion expected-abs }
                  measure flops, latency, energy
                  latency {}
                  energy {}
                }
                """.formatted(SAMPLES.resolve("models/mnist-cnn.tt"), SAMPLES.resolve("data/mnist")));
        ExperimentRun resolved = Experiments.resolve(SpecDocument.parse(Files.readString(spec))).get(0);
        SpecJobTest.Run run = new SpecJobTest().run(spec, JobOptions.defaults());
        JsonObject x = run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        JsonObject latency = x.getAsJsonObject("pruned").getAsJsonObject("latency_ms");
        assertEquals(resolved.latency().batch(), latency.get("batch").getAsInt());
        assertEquals(resolved.latency().runs(), latency.get("runs").getAsInt());
        assertEquals(Integer.parseInt(C.property("latency", "runs").orElseThrow().defaultValue()), latency.get("runs").getAsInt());
        String scoring = run.events().stream().filter(e -> e.get("event").getAsString().equals("phase")
                        && e.get("phase").getAsString().equals("scoring")).map(e -> e.get("message").getAsString())
                .collect(Collectors.joining("; "));
        int samples = C.dataset("mnist").orElseThrow().samples();
        assertTrue(scoring.contains("on " + samples + " samples"), "criteria score on the catalog's " + samples
                + " MNIST samples: " + scoring);
        assertEquals(Double.parseDouble(C.property("energy", "pue").orElseThrow().defaultValue()),
                x.getAsJsonObject("energy").get("pue").getAsDouble(), 1e-12, x.getAsJsonObject("energy").toString());
    }

    /** The catalog's default text, read as the resolved value's type. */
    static Object typed(String text, Object like) {
        if (like instanceof Integer) return (int) Math.round(Quantity.parse(text).orElseThrow().base());
        if (like instanceof Long) return Math.round(Quantity.parse(text).orElseThrow().base());
        if (like instanceof Double) return Quantity.parse(text).orElseThrow().base(); // in the base unit, as resolved
        if (like instanceof Boolean) return Boolean.parseBoolean(text);
        if (like instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Double) {
            return List.of(text.split(",")).stream().map(String::trim).map(t -> Quantity.parse(t).orElseThrow().base()).toList();
        }
        if (like instanceof List<?>) {
            return List.of(text.split(",")).stream().map(String::trim).map(t -> (int) Math.round(Quantity.parse(t).orElseThrow().base())).toList();
        }
        return text.replace("\"", "");
    }
}
