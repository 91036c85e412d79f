#!/usr/bin/env bash
# End-to-end in real VS Code: packages the .vsix, installs code-server 4.100.3 and puppeteer-core in a cache
# folder (once; reused while present), and runs vscode-extension/test/e2e/run-e2e.js in headless Chromium:
# diagnostics in the Problems panel, completion after `criterion `, a save that runs the real engine on the
# shipped MNIST sample with its results in the Problems panel, and Open Report.
#   TITANS_E2E_CACHE  where code-server is installed (default ~/.cache/titans-e2e, about 450 MB)
#   TITANS_E2E_OUT    where the screenshots go (default vscode-extension/target/e2e)
#   TITANS_E2E_REQUIRE=1  fail instead of skipping when a tool is missing or code-server cannot be installed
# Skips (exit 0, with the reason) when node/npm, Java or Chromium are missing, or code-server cannot be installed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ext="$root/vscode-extension"

skip() {
  if [ "${TITANS_E2E_REQUIRE:-}" = 1 ]; then echo "vscode-e2e: FAILED ($*)"; exit 1; fi
  echo "SKIP vscode-e2e: $*"; exit 0
}
for tool in node npm java; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
chromium=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then chromium="$(command -v "$b")"; break; fi
done
[ -n "$chromium" ] || skip "Chromium is not installed (apt-get install chromium)"

# The language server goes into the .vsix; run-tests has built it with `./mvnw verify` already.
if [ ! -f "$root/server/target/titans-server.jar" ] || [ ! -d "$root/server/target/lib" ]; then
  echo "vscode-e2e: building the language server"
  (cd "$root" && ./mvnw -q -B -ntp -pl server -am package -DskipTests)
fi
log="$(mktemp "${TMPDIR:-/tmp}/vscode-e2e-package.XXXXXX")"
trap 'rm -f "$log"' EXIT
echo "vscode-e2e: packaging the .vsix"
# `npm run package`: this machine's platform package, tiny-titans-<target>.vsix (the other three are left alone).
if ! (cd "$ext" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run package) >"$log" 2>&1; then
  tail -40 "$log"; echo "vscode-e2e: FAILED (npm run package)"; exit 1
fi

status=0
cache="$(bash "$root/tests/e2e/vscode/setup-code-server.sh" | tail -1)" || status=$?
if [ "$status" -eq 3 ]; then skip "code-server could not be installed (the reason is above)"; fi
[ "$status" -eq 0 ] || { echo "vscode-e2e: FAILED (setting up code-server, exit $status)"; exit 1; }

out="${TITANS_E2E_OUT:-$ext/target/e2e}"
echo "vscode-e2e: running code-server from $cache in $chromium"
cd "$ext"
# E2E_REQUIRE: everything was set up above, so a piece run-e2e.js cannot find is a failure, not a skip.
E2E_DIR="$cache" CHROMIUM="$chromium" TITANS_E2E_OUT="$out" E2E_REQUIRE=1 timeout 900 node test/e2e/run-e2e.js
echo "vscode-e2e: passed (screenshots in $out)"
