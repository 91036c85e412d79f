package org.tinytitans.engine.job;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.tinytitans.engine.latency.LatencyReport;
import org.tinytitans.engine.latency.LatencyStats;
import org.tinytitans.engine.metrics.DeploymentProjection;
import org.tinytitans.engine.metrics.EnergyReading;
import org.tinytitans.engine.metrics.Footprint;
import org.tinytitans.engine.metrics.PhaseEnergy;

/**
 * Puts an experiment's energy into its result: every phase with its method labels, the whole job's energy,
 * CO2e, water and cost (the figures `expect energy|carbon|water|cost` judge), and what the pruned model saves
 * per million inferences, from the latency phase's energy split by each model's share of the timed work.
 */
final class Energy {

    private Energy() {}

    static void account(JobContext ctx, Measured baseline, Measured pruned, LatencyReport latency,
                        PhaseEnergy latencyEnergy, JsonObject result, List<String> notes) {
        var meter = ctx.green().meter();
        JsonObject energy = new JsonObject();
        JsonArray phases = new JsonArray();
        for (PhaseEnergy p : meter.phases()) {
            phases.add(phase(p));
        }
        energy.add("phases", phases);
        PhaseEnergy total = meter.total();
        Footprint f = ctx.green().footprint().of(total);
        energy.addProperty("total_wh", total.totalKWh() * 1000);
        energy.addProperty("total_wh_low", total.lowKWh() * 1000);
        energy.addProperty("total_wh_high", total.highKWh() * 1000);
        energy.addProperty("complete", total.complete());
        energy.addProperty("pue", f.pue());
        JsonObject carbon = new JsonObject();
        carbon.addProperty("g", f.co2Kg() * 1000);
        carbon.addProperty("g_low", f.co2LowKg() * 1000);
        carbon.addProperty("g_high", f.co2HighKg() * 1000);
        carbon.addProperty("intensity_g_per_kwh", f.intensity().kgPerKWh() * 1000);
        carbon.addProperty("source", f.intensity().source());
        if (f.intensity().year() != null) {
            carbon.addProperty("year", f.intensity().year());
        }
        energy.add("carbon", carbon);
        energy.addProperty("water_l", f.waterL());
        energy.addProperty("cost", f.costUsd());
        result.add("energy", energy);

        // The job's own footprint is what `expect carbon <= 5g` bounds: it is the same run for both sides.
        pruned.put("energy", f.facilityKWh() * 1000);
        pruned.put("carbon", f.co2Kg() * 1000);
        pruned.json.addProperty("energy_wh", f.facilityKWh() * 1000);
        pruned.json.addProperty("carbon_g", f.co2Kg() * 1000);
        if (f.waterL() != null) {
            pruned.put("water", f.waterL());
            pruned.json.addProperty("water_l", f.waterL());
        }
        if (f.costUsd() != null) {
            pruned.put("cost", f.costUsd());
            pruned.json.addProperty("cost", f.costUsd());
        }
        notes.addAll(ctx.green().notes());

        if (latency != null && latencyEnergy != null) {
            project(ctx, latency, latencyEnergy, baseline, pruned, result, notes);
        }
    }

    private static void project(JobContext ctx, LatencyReport latency, PhaseEnergy phase, Measured baseline,
                                Measured pruned, JsonObject result, List<String> notes) {
        if (!phase.complete()) {
            notes.add("no deployment projection: " + phase.unmeasured() + " energy was not measured");
            return;
        }
        LatencyStats d = latency.of("dense");
        LatencyStats p = latency.of("pruned");
        // Medians, not means: one descheduled run on a shared machine must not swing the split.
        double dTime = d.p50() * d.runs();
        double pTime = p.p50() * p.runs();
        double k = EnergyReading.JOULES_PER_KWH;
        String method = phase.cpu().method() + "+" + phase.gpu().method() + "+" + phase.ram().method();
        EnergyReading all = new EnergyReading(phase.totalKWh() * k, phase.lowKWh() * k, phase.highKWh() * k, method, "latency phase");
        EnergyReading densePer = share(all, dTime / (dTime + pTime)).per((long) d.runs() * d.batch());
        EnergyReading prunedPer = share(all, pTime / (dTime + pTime)).per((long) p.runs() * p.batch());
        baseline.json.addProperty("energy_per_inference_j", densePer.joules());
        pruned.json.addProperty("energy_per_inference_j", prunedPer.joules());
        DeploymentProjection proj = ctx.green().footprint().project(densePer, prunedPer, DeploymentProjection.MILLION);
        JsonObject o = new JsonObject();
        o.addProperty("inferences", proj.inferences());
        o.addProperty("dense_kwh", proj.denseKWh());
        o.addProperty("pruned_kwh", proj.prunedKWh());
        o.addProperty("saved_kwh", proj.savedKWh());
        o.addProperty("saved_kwh_low", proj.savedLowKWh());
        o.addProperty("saved_kwh_high", proj.savedHighKWh());
        o.addProperty("saved_co2_kg", proj.savedCo2Kg());
        o.addProperty("saved_co2_kg_low", proj.savedCo2LowKg());
        o.addProperty("saved_co2_kg_high", proj.savedCo2HighKg());
        o.addProperty("saved_water_l", proj.savedWaterL());
        o.addProperty("saved_cost", proj.savedEnergyCostUsd());
        o.addProperty("method", method);
        o.addProperty("basis", "latency-phase energy split by each model's share of the timed work (median times)");
        result.add("projection", o);
    }

    private static EnergyReading share(EnergyReading r, double fraction) {
        return new EnergyReading(r.joules() * fraction, r.lowJ() * fraction, r.highJ() * fraction, r.method(), r.scope());
    }

    private static JsonObject phase(PhaseEnergy p) {
        JsonObject o = new JsonObject();
        o.addProperty("phase", p.phase());
        o.addProperty("seconds", p.duration().toNanos() / 1e9);
        o.addProperty("wh", p.totalKWh() * 1000);
        o.addProperty("wh_low", p.lowKWh() * 1000);
        o.addProperty("wh_high", p.highKWh() * 1000);
        o.addProperty("cpu", p.cpu().method());
        o.addProperty("gpu", p.gpu().method());
        o.addProperty("ram", p.ram().method());
        return o;
    }
}
