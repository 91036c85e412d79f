#!/usr/bin/env bash
# End-to-end: the Slurm runner against a real single-node Slurm (munge + slurmctld + slurmd in a private
# loopback-only network namespace). Skips (exit 0) when Slurm is not installed:
#   apt-get install -y slurm-wlm munge iproute2
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# CI (.ci/run) sets TITANS_E2E_REQUIRE=1: what would be a skip is a failure there.
skip() {
  if [ "${TITANS_E2E_REQUIRE:-}" = 1 ]; then echo "remote-slurm: FAILED ($*)"; exit 1; fi
  echo "skipped: $*"; exit 0
}
for tool in slurmctld slurmd sbatch munged mungekey ip nsenter; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    skip "$tool not installed (apt-get install -y slurm-wlm munge iproute2)"
  fi
done
if [ "$(id -u)" != 0 ]; then skip "a private network namespace for Slurm needs root"; fi
S="$(mktemp -d "${TMPDIR:-/tmp}/titans-e2e-slurm.XXXXXX")"
export S NSNAME="${NSNAME:-titans-e2e-slurm-$$}"
cleanup() {
  [ -s "$S/ssh/sshd.pid" ] && kill "$(cat "$S/ssh/sshd.pid")" 2>/dev/null
  bash "$root/tests/e2e/remote/slurm-down.sh"; rm -rf "$S"
}
trap cleanup EXIT
bash "$root/tests/e2e/remote/slurm-up.sh"
export PATH="$S/bin:$PATH" TITANS_IT_SLURM=1 TITANS_IT_SLURM_SLOW="${TITANS_IT_SLURM_SLOW:-1}"
# With sshd installed, Slurm is also driven over ssh, as on a login node: sessions get the wrappers on PATH.
if [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null 2>&1; then
  port=2224; while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [ $port -lt 2244 ]; do port=$((port + 1)); done
  D="$S/ssh" PORT="${PORT:-$port}" SESSION_PATH="$S/bin:/usr/local/bin:/usr/bin:/bin" bash "$root/tests/e2e/remote/sshd-up.sh"
  export TITANS_IT_SSH_CONFIG="$S/ssh/ssh_config" TITANS_IT_SSH_HOST=titans-e2e
else
  echo "note: sshd not installed; Slurm over ssh is not tested"
fi
cd "$root"
./mvnw -B -q -ntp -pl language,engine test -Dtest=SlurmRunnerIT -Dsurefire.failIfNoSpecifiedTests=false
echo "remote-slurm: passed"
