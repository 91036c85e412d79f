#!/usr/bin/env bash
# A small real job for tests: speaks the events protocol (docs/events.md) about the spec it is given. It is
# run as a jobCommand, so it gets what every local job gets: `--events SPEC` (the spec is the last argument).
# The spec steers it with comment lines: "# delay SECONDS" (before the results), "# tag TEXT" (the expect's
# text, to tell runs apart), "# fail MESSAGE" (a failed event on line 2), "# quiet" (no finished event).
# Unless quiet, it writes .titans/STEM/result.json and the spec copy as a real job does (the editor reads them back).
# It echoes the editor settings it got as the environment (TITANS_CARBON_REGION, TITANS_DEFAULT_TARGET) in a log event.
spec="${!#}"
delay=$(sed -n 's/^# delay \([0-9.]*\).*/\1/p' "$spec" | head -1)
tag=$(sed -n 's/^# tag \(.*\)$/\1/p' "$spec" | head -1)
fail=$(sed -n 's/^# fail \(.*\)$/\1/p' "$spec" | head -1)
echo "$$" >> "$(dirname "$spec")/job-pids"
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
echo "{\"v\":1,\"event\":\"started\",\"time\":\"$(now)\",\"spec\":\"$spec\",\"experiments\":[\"e\"],\"pid\":$$}"
echo "{\"v\":1,\"event\":\"runtime\",\"time\":\"$(now)\",\"summary\":\"fake libtorch on cpu\",\"runtime\":{\"device\":\"cpu\"}}"
echo "{\"v\":1,\"event\":\"log\",\"time\":\"$(now)\",\"level\":\"info\",\"message\":\"env region=${TITANS_CARBON_REGION:-unset} target=${TITANS_DEFAULT_TARGET:-unset}\"}"
echo "a stray line that is not an event"
echo "{\"v\":1,\"event\":\"phase\",\"time\":\"$(now)\",\"experiment\":\"e\",\"phase\":\"scoring\",\"message\":\"scoring filters\"}"
echo "scoring on stderr" >&2
# the sleep must not hold our stdout: a SIGKILL of this shell has to close the stream
sleep "${delay:-0}" </dev/null >/dev/null 2>&1
echo "{\"v\":1,\"event\":\"progress\",\"time\":\"$(now)\",\"experiment\":\"e\",\"phase\":\"finetune\",\"done\":1,\"total\":2,\"detail\":null}"
if [ -n "$fail" ]; then
  echo "{\"v\":1,\"event\":\"failed\",\"time\":\"$(now)\",\"experiment\":\"e\",\"message\":\"$fail\",\"line\":2,\"column\":null}"
fi
line=$(grep -n '^ *expect' "$spec" | head -1 | cut -d: -f1)
measure=$(grep -n '^ *measure' "$spec" | head -1 | cut -d: -f1)
echo "{\"v\":1,\"event\":\"metric\",\"time\":\"$(now)\",\"experiment\":\"e\",\"which\":\"baseline\",\"name\":\"flops\",\"value\":125000000,\"unit\":\"\",\"line\":${measure:-null}}"
echo "{\"v\":1,\"event\":\"metric\",\"time\":\"$(now)\",\"experiment\":\"e\",\"which\":\"pruned\",\"name\":\"flops\",\"value\":62500000,\"unit\":\"\",\"line\":${measure:-null}}"
echo "{\"v\":1,\"event\":\"expect\",\"time\":\"$(now)\",\"experiment\":\"e\",\"line\":${line:-1},\"text\":\"${tag:-flops <= 55%}\",\"passed\":false,\"actual\":\"50%\"}"
echo "{\"v\":1,\"event\":\"result\",\"time\":\"$(now)\",\"experiment\":\"e\",\"result\":{}}"
if grep -q '^# quiet' "$spec"; then exit 3; fi
# what a real job leaves beside the spec (docs/results.md): the spec as run and its result.json
stem=$(basename "$spec" .prune)
out="$(dirname "$spec")/.titans/$stem"
mkdir -p "$out"
cp "$spec" "$out/spec.prune"
status=complete; error=null
if [ -n "$fail" ]; then status=failed; error="\"$fail\""; fi
cat > "$out/result.json.tmp" <<JSON
{"schema": "titans-result/2", "spec": "$spec", "status": "$status", "experiments": [
  {"name": "e", "id": "e", "variant": {}, "status": "$status", "error": $error, "model": "fake",
   "baseline": {"flops": 125000000}, "pruned": {"flops": 62500000},
   "expectations": [{"line": ${line:-1}, "text": "${tag:-flops <= 55%}", "passed": false, "actual": "50%"}]}]}
JSON
mv "$out/result.json.tmp" "$out/result.json"
echo "{\"v\":1,\"event\":\"finished\",\"time\":\"$(now)\",\"exitCode\":0,\"resultFile\":null}"
