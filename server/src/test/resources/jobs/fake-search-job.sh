#!/usr/bin/env bash
# A small real job for the search tests: speaks the events protocol (docs/events.md) of a ratio search (issue 18)
# about the spec it is given (`--events SPEC`, the last argument): the baseline's FLOPs, three `search-trial` events,
# then, as a real job, .titans/STEM/result.json with a `search` object in the design contract's shape and the spec
# copy beside it. Block 0 (prune filters) gets per-layer ratios, block 1 (prune layers) a count.
spec="${!#}"
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
echo "{\"v\":1,\"event\":\"started\",\"time\":\"$(now)\",\"spec\":\"$spec\",\"experiments\":[\"fit\"],\"pid\":$$}"
echo "{\"v\":1,\"event\":\"metric\",\"time\":\"$(now)\",\"experiment\":\"fit\",\"which\":\"baseline\",\"name\":\"flops\",\"value\":1100000,\"unit\":\"\",\"line\":null}"
plan='[{"block":0,"granularity":"filters","ratios":{"conv1":0.3,"conv2":0.55},"count":null},{"block":1,"granularity":"layers","ratios":{},"count":2}]'
t0="{\"id\":0,\"stage\":\"bisection\",\"plan\":$plan,\"flops\":620000,\"params\":75000,\"memory_bytes\":1000000,\"latency_ms\":null,\"objective\":0.979,\"feasible\":false,\"pareto\":true}"
t1="{\"id\":1,\"stage\":\"allocation\",\"plan\":$plan,\"flops\":545600,\"params\":60000,\"memory_bytes\":900000,\"latency_ms\":null,\"objective\":0.978,\"feasible\":true,\"pareto\":true}"
t2="{\"id\":2,\"stage\":\"allocation\",\"plan\":$plan,\"flops\":300000,\"params\":52000,\"memory_bytes\":800000,\"latency_ms\":null,\"objective\":0.95,\"feasible\":true,\"pareto\":true}"
for t in "$t0" "$t1" "$t2"; do
  echo "{\"v\":1,\"event\":\"search-trial\",\"time\":\"$(now)\",\"experiment\":\"fit\",\"trial\":$t,\"of\":3}"
done
stem=$(basename "$spec" .prune)
out="$(dirname "$spec")/.titans/$stem"
mkdir -p "$out"
cp "$spec" "$out/spec.prune"
cat > "$out/result.json.tmp" <<JSON
{"schema": "titans-result/2", "spec": "$spec", "status": "complete", "experiments": [
  {"name": "fit", "id": "fit", "variant": {}, "status": "complete", "model": "mnist-cnn",
   "baseline": {"flops": 1100000}, "pruned": {"flops": 545600},
   "search": {"objective": "accuracy", "higher_is_better": true, "allocation": "sensitivity",
              "constraints": [{"metric": "flops", "op": "<=", "value": 0.5, "relative": true, "line": 12}],
              "trials": [$t0, $t1, $t2], "chosen": 1, "latency_table": null}}]}
JSON
mv "$out/result.json.tmp" "$out/result.json"
echo "{\"v\":1,\"event\":\"result\",\"time\":\"$(now)\",\"experiment\":\"fit\",\"result\":{}}"
echo "{\"v\":1,\"event\":\"finished\",\"time\":\"$(now)\",\"exitCode\":0,\"resultFile\":null}"
