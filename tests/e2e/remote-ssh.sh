#!/usr/bin/env bash
# End-to-end: the SSH runner against a real sshd on 127.0.0.1 (throwaway keys, strict host key checking).
# Skips (exit 0) when sshd is not installed: apt-get install -y openssh-server openssh-client
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# CI (.ci/run) sets TITANS_E2E_REQUIRE=1: what would be a skip is a failure there.
skip() {
  if [ "${TITANS_E2E_REQUIRE:-}" = 1 ]; then echo "remote-ssh: FAILED ($*)"; exit 1; fi
  echo "skipped: $*"; exit 0
}
if [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null 2>&1; then
  skip "sshd/ssh not installed (apt-get install -y openssh-server openssh-client)"
fi
if [ "$(id -u)" != 0 ] && [ ! -d /run/sshd ]; then
  skip "/run/sshd is missing and this user cannot create it"
fi
D="$(mktemp -d "${TMPDIR:-/tmp}/titans-e2e-ssh.XXXXXX")"
# Port 2222 unless it is taken (another sshd, a parallel run): then the next free one.
free_port() {
  for p in $(seq "$1" $(($1 + 20))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "$1"
}
export D PORT="${PORT:-$(free_port 2222)}"
cleanup() {
  [ -s "$D/sshd.pid" ] && kill "$(cat "$D/sshd.pid")" 2>/dev/null || true
  rm -rf "$D"
}
trap cleanup EXIT
bash "$root/tests/e2e/remote/sshd-up.sh"
export TITANS_IT_SSH_CONFIG="$D/ssh_config" TITANS_IT_SSH_HOST=titans-e2e TITANS_IT_SSHD_PID="$(cat "$D/sshd.pid")"
cd "$root"
./mvnw -B -q -ntp -pl language,engine test -Dtest=SshRunnerIT -Dsurefire.failIfNoSpecifiedTests=false
echo "remote-ssh: passed"
