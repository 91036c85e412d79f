#!/usr/bin/env bash
# Renders the HTML report of the hand-written sweep fixture in headless Chromium and checks that it draws:
# the screenshot is a real image (not a blank page) and the live DOM holds the plots' points.
# Skips (exit 0) when Chromium is not installed. TITANS_CLI overrides the launcher; TITANS_E2E_OUT, when set,
# keeps the screenshot there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="${TITANS_CLI:-$root/titans-cli}"

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  # CI (.ci/run) sets TITANS_E2E_REQUIRE=1: a missing browser is a failure there, not a skip.
  if [ "${TITANS_E2E_REQUIRE:-}" = 1 ]; then echo "report-render: FAILED (no chromium; apt-get install -y chromium)"; exit 1; fi
  echo "report-render: SKIPPED (no chromium; apt-get install -y chromium to run it)"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/titans-report-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/.titans"
cp -r "$root/cli/src/test/resources/report/sweep" "$work/.titans/sweep"

"$cli" report "$work/.titans/sweep" --out "$work/report.html" >/dev/null
[ -s "$work/report.html" ] || { echo "report-render: FAILED (no report written)"; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")
# Chromium logs harmless D-Bus complaints on stderr in containers; keep them out of the way unless it fails.
if ! timeout 120 "$browser" "${flags[@]}" --screenshot="$work/report.png" --window-size=1280,2000 \
     "file://$work/report.html" >"$work/chromium.log" 2>&1; then
  cat "$work/chromium.log"; echo "report-render: FAILED (chromium exited with an error)"; exit 1
fi
png="$work/report.png"
[ -f "$png" ] || { cat "$work/chromium.log"; echo "report-render: FAILED (no screenshot)"; exit 1; }
size=$(stat -c %s "$png")
magic=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
[ "$magic" = "89504e470d0a1a0a" ] || { echo "report-render: FAILED (screenshot is not a PNG)"; exit 1; }
# a blank page compresses to a few KB; tables, text and four plots do not
[ "$size" -gt 20480 ] || { echo "report-render: FAILED (screenshot only $size bytes: blank page?)"; exit 1; }

# The DOM as the browser built it: 5 finished experiments x 4 trade-off plots = 20 points, 3 of each on the front.
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/report.html" >"$work/dom.html" 2>>"$work/chromium.log"
points=$(grep -o '<circle class="point' "$work/dom.html" | wc -l)
pareto=$(grep -o '<circle class="point pareto' "$work/dom.html" | wc -l)
[ "$points" -eq 20 ] || { echo "report-render: FAILED (expected 20 plotted points, found $points)"; exit 1; }
[ "$pareto" -eq 12 ] || { echo "report-render: FAILED (expected 12 Pareto points, found $pareto)"; exit 1; }

if [ -n "${TITANS_E2E_OUT:-}" ]; then
  mkdir -p "$TITANS_E2E_OUT" && cp "$png" "$TITANS_E2E_OUT/report-example.png"
fi
echo "report-render: fixture OK (screenshot $size bytes, $points points, $pareto on the Pareto front)"

# The real thing: run samples/sweep.prune (3 criteria x 3 ratios on the shipped MNIST CNN), report it, render it.
"$cli" run --quiet --out "$work/sweep-run" "$root/samples/sweep.prune" >"$work/run.log" 2>&1 || {
  cat "$work/run.log"; echo "report-render: FAILED (samples/sweep.prune did not run)"; exit 1; }
"$cli" report "$work/sweep-run" --out "$work/sweep.html" >/dev/null
timeout 120 "$browser" "${flags[@]}" --screenshot="$work/sweep.png" --window-size=1280,2400 \
  "file://$work/sweep.html" >>"$work/chromium.log" 2>&1 || { cat "$work/chromium.log"; echo "report-render: FAILED (sweep)"; exit 1; }
size=$(stat -c %s "$work/sweep.png")
[ "$size" -gt 20480 ] || { echo "report-render: FAILED (sweep screenshot only $size bytes)"; exit 1; }
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/sweep.html" >"$work/sweep-dom.html" 2>>"$work/chromium.log"
points=$(grep -o '<circle class="point' "$work/sweep-dom.html" | wc -l)
pareto=$(grep -o '<circle class="point pareto' "$work/sweep-dom.html" | wc -l)
# nine finished sweep points in each of the four trade-off plots
[ "$points" -eq 36 ] || { echo "report-render: FAILED (sweep: expected 36 plotted points, found $points)"; exit 1; }
[ "$pareto" -ge 4 ] || { echo "report-render: FAILED (sweep: no Pareto front drawn)"; exit 1; }
if [ -n "${TITANS_E2E_OUT:-}" ]; then cp "$work/sweep.png" "$TITANS_E2E_OUT/report-sweep.png"; fi
echo "report-render: OK (samples/sweep.prune: screenshot $size bytes, $points points, $pareto on the Pareto front)"
