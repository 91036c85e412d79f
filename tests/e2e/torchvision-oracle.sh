#!/usr/bin/env bash
# torchvision as an oracle: for every zoo model torchvision also has (resnet50, mobilenetv2), random seeded weights
# with perturbed BatchNorm statistics are saved in torchvision's layout, and the engine's parameters, MACs, logits,
# preprocessed pixels, top-1 predictions on images of mixed sizes, the accuracy of a real `titans-cli run` on an
# ImageNet-style folder holding a subset of the classes, and the same after that run's structured prune are checked
# against torchvision 0.14 (Debian's python3-torchvision). See tests/e2e/torchvision_oracle.py for each check.
#   TITANS_E2E_REQUIRE=1  fail instead of skipping when Java or python3-torchvision is missing
#   TITANS_E2E_OUT        keep the work folder (weights, images, dumps, the run) there
# About 3-4 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="${TITANS_CLI:-$root/titans-cli}"
# Debian's interpreter, where python3-torch lives; a `python3` earlier on PATH (pyenv) may not have torch.
py="${TITANS_ORACLE_PYTHON:-/usr/bin/python3}"

skip() {
  if [ "${TITANS_E2E_REQUIRE:-}" = 1 ]; then echo "torchvision-oracle: FAILED ($*)"; exit 1; fi
  echo "SKIP torchvision-oracle: $*"; exit 0
}
command -v java >/dev/null 2>&1 || skip "java is not installed"
[ -x "$py" ] || skip "$py is missing (apt-get install python3-torchvision)"
"$py" -c 'import torch, torchvision, PIL, numpy' 2>/dev/null \
  || skip "$py cannot import torch/torchvision (apt-get install python3-torchvision)"

# The launcher builds the CLI jar when sources changed; its manifest class path carries the engine.
"$cli" --version >/dev/null
jar="$root/cli/target/titans-cli.jar"
[ -f "$jar" ] || { echo "torchvision-oracle: FAILED (no $jar after building the CLI)"; exit 1; }

if [ -n "${TITANS_E2E_OUT:-}" ]; then
  work="$TITANS_E2E_OUT/torchvision-oracle"; rm -rf "$work"; mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/titans-oracle.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi
java_bin="java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java_bin="$JAVA_HOME/bin/java"
OMP_NUM_THREADS=2 "$py" "$root/tests/e2e/torchvision_oracle.py" --cli "$cli" --jar "$jar" --java "$java_bin" \
  --wnids "$root/engine/src/main/resources/org/tinytitans/engine/data/imagenet-wnids.txt" --work "$work" \
  ${TITANS_ORACLE_MODELS:+--models "$TITANS_ORACLE_MODELS"}
