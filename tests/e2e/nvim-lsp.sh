#!/usr/bin/env bash
# End-to-end: Neovim, a real third-party LSP client, drives the server jar: diagnostics on open, completion
# after `criterion `, a save that runs a job (the test job script, via the jobCommand setting) and its
# results as diagnostics and inlay hints; then a save that runs the real engine on a tiny spec. Skips (exit 0) when nvim is absent; .ci/run installs neovim.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! command -v nvim >/dev/null 2>&1; then
  # CI (.ci/run) sets TITANS_E2E_REQUIRE=1: a missing tool is a failure there, not a skip.
  if [ "${TITANS_E2E_REQUIRE:-}" = 1 ]; then echo "nvim-lsp: FAILED (nvim is not installed; apt-get install -y neovim)"; exit 1; fi
  echo "SKIP nvim-lsp: nvim is not installed (apt-get install -y neovim)"
  exit 0
fi
jar="$root/server/target/titans-server.jar"
if [ ! -f "$jar" ] || [ ! -d "$root/server/target/lib" ]; then
  echo "nvim-lsp: building the server jar"
  (cd "$root" && ./mvnw -q -B -ntp -pl server -am package -DskipTests)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tests/e2e/nvim/spec.prune" "$work/spec.prune"
mkdir -p "$work/home"
export XDG_CACHE_HOME="$work/home/cache" XDG_STATE_HOME="$work/home/state" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export TITANS_JAR="$jar" TITANS_SPEC="$work/spec.prune" TITANS_JOB="$root/server/src/test/resources/jobs/fake-job.sh"
timeout 180 nvim --headless --clean -c "luafile $root/tests/e2e/nvim/lsp-test.lua"
# the same save with the default job command: the real engine in its own JVM
cp "$root/tests/e2e/nvim/engine-spec.prune" "$work/quick.prune"
TITANS_SPEC="$work/quick.prune" timeout 240 nvim --headless --clean -c "luafile $root/tests/e2e/nvim/lsp-engine-test.lua"
echo "nvim-lsp: passed"
