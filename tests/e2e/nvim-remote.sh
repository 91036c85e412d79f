#!/usr/bin/env bash
# End-to-end: Neovim saves specs whose target is remote, and the language server runs them there through the
# engine's runners (the same as `titans-cli run`), against real servers on this machine:
#   - `target ssh` to a real sshd on 127.0.0.1 (throwaway keys, host key checking on): the real titans-cli runs
#     through sshd and its verdict comes back as a diagnostic; sshd's log shows the login; titans.cancel kills
#     the remote process group; a dropped ssh session becomes a diagnostic;
#   - `target slurm` through the test Slurm (munge, slurmctld, slurmd in a private loopback-only network
#     namespace, as remote-slurm.sh): the real titans-cli runs as a Slurm job and its verdict comes back.
# Needs root (sshd needs /run/sshd; the namespace needs CAP_SYS_ADMIN). Skips (exit 0) without nvim or sshd;
# under TITANS_E2E_REQUIRE=1 (CI) a missing tool fails instead, Slurm included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
skip() {
  if [ "${TITANS_E2E_REQUIRE:-}" = 1 ]; then echo "nvim-remote: FAILED ($*)"; exit 1; fi
  echo "skipped: $*"; exit 0
}
command -v nvim >/dev/null 2>&1 || skip "nvim is not installed (apt-get install -y neovim)"
{ [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null 2>&1; } || skip "sshd/ssh not installed (apt-get install -y openssh-server openssh-client)"
[ "$(id -u)" = 0 ] || skip "needs root: sshd's /run/sshd and Slurm's network namespace"
slurm=1
for tool in slurmctld slurmd sbatch munged mungekey ip nsenter; do command -v "$tool" >/dev/null 2>&1 || slurm=0; done
if [ $slurm = 0 ]; then
  [ "${TITANS_E2E_REQUIRE:-}" = 1 ] && { echo "nvim-remote: FAILED (Slurm is not installed: apt-get install -y slurm-wlm munge iproute2)"; exit 1; }
  echo "note: Slurm is not installed; the target slurm save is not tested"
fi
if [ ! -f "$root/server/target/titans-server.jar" ] || [ ! -f "$root/cli/target/titans-cli.jar" ]; then
  echo "nvim-remote: building the server and the CLI"
  (cd "$root" && ./mvnw -q -B -ntp -pl server,cli -am package -DskipTests)
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/titans-e2e-nvim-remote.XXXXXX")"
chmod 755 "$work"   # munged wants every folder above its socket world-readable
export S="$work/slurm" NSNAME="titans-e2e-nvim-$$"
cleanup() {
  set +e   # clean up everything, whatever fails
  # the job left running on purpose by the dropped connection, and anything a failure left behind
  for f in "$work"/remote-*/jobs/*/pid; do [ -s "$f" ] && kill -KILL -- -"$(cat "$f")" 2>/dev/null; done
  [ -s "$work/ssh/sshd.pid" ] && kill "$(cat "$work/ssh/sshd.pid")" 2>/dev/null
  [ -d "$S/run" ] && bash "$root/tests/e2e/remote/slurm-down.sh"
  rm -rf "$work"
}
trap cleanup EXIT
port=2230; while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [ $port -lt 2250 ]; do port=$((port + 1)); done
D="$work/ssh" PORT="$port" bash "$root/tests/e2e/remote/sshd-up.sh" >/dev/null
# The server reads TITANS_SSH_CONFIG (docs/remote.md): host titans-e2e with its key and known_hosts.
export TITANS_SSH_CONFIG="$work/ssh/ssh_config" TITANS_SSHD_PID="$(cat "$work/ssh/sshd.pid")"
if [ $slurm = 1 ]; then
  mkdir -p "$S"; bash "$root/tests/e2e/remote/slurm-up.sh"
  export PATH="$S/bin:$PATH"   # sbatch, scancel, scontrol, sacct that enter the test Slurm's namespace
fi
# titans-cli on the "remote" side: this build of the CLI.
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec java -Dai.djl.offline=true -jar %s "$@"\n' "$root/cli/target/titans-cli.jar" > "$work/bin/titans-cli"
chmod +x "$work/bin/titans-cli"
fake="$root/tests/e2e/remote/fake-titans-cli"
engine_spec() { # $1 = the target line
  sed '$d' "$root/tests/e2e/nvim/engine-spec.prune"; printf '  %s\n}\n' "$1"
}
engine_spec "target ssh \"titans-e2e\" { workdir \"$work/remote-run\"; titans \"$work/bin/titans-cli\" }" > "$work/ssh-run.prune"
for k in cancel lost; do
  { echo "# fake-mode sleep"; printf 'experiment quickstart {\n  model mnist-cnn\n  target ssh "titans-e2e" { workdir "%s"; titans "%s" }\n}\n' "$work/remote-$k" "$fake"; } > "$work/ssh-$k.prune"
done
export TITANS_SSH_RUN="$work/ssh-run.prune" TITANS_SSH_CANCEL="$work/ssh-cancel.prune" TITANS_SSH_LOST="$work/ssh-lost.prune" \
       TITANS_SSH_CANCEL_WORKDIR="$work/remote-cancel" TITANS_SSH_LOST_WORKDIR="$work/remote-lost" TITANS_SLURM_RUN=""
if [ $slurm = 1 ]; then
  engine_spec "target slurm \"debug\" { workdir \"$work/slurm-work\"; titans \"$work/bin/titans-cli\" }" > "$work/slurm-run.prune"
  export TITANS_SLURM_RUN="$work/slurm-run.prune"
fi
mkdir -p "$work/home"
export XDG_CACHE_HOME="$work/home/cache" XDG_STATE_HOME="$work/home/state" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export TITANS_JAR="$root/server/target/titans-server.jar"
status=0
(cd "$work" && timeout 900 nvim --headless --clean -c "luafile $root/tests/e2e/nvim/lsp-remote-test.lua") || status=$?
# the remote run's results were brought back beside the spec
if [ -s "$work/.titans/ssh-run/result.json" ]; then echo "ok   ssh: the result folder came back beside the spec"; else echo "FAIL ssh: no .titans/ssh-run/result.json"; status=1; fi
# the jobs went through sshd: its log has the logins (the server's ssh calls), with the test's key
logins=$(grep -c 'Accepted publickey for' "$work/ssh/sshd.log" || true)
if [ "$logins" -gt 0 ]; then echo "ok   sshd's log shows $logins logins by key"; else echo "FAIL sshd's log shows no login"; status=1; fi
if [ $slurm = 1 ]; then
  # slurmd wrote the job's output file, named by its Slurm job id, and slurmctld logged the job's completion
  out=$(ls "$work"/slurm-work/jobs/*/slurm-*.out 2>/dev/null | head -n 1)
  id=$(basename "${out:-none}" .out); id=${id#slurm-}
  # slurmctld logs the completion a moment after the results came back (its epilog), so wait for it a while
  for _ in $(seq 60); do [ -n "$out" ] && grep -q "JobId=$id done" "$S/log/slurmctld.log" && break; sleep 0.5; done
  if [ -n "$out" ] && grep -q "JobId=$id done" "$S/log/slurmctld.log"; then echo "ok   slurm: Slurm ran it as job $id"
  else echo "FAIL slurm: no trace of the job in Slurm (output file: ${out:-none})"; tail -5 "$S/log/slurmctld.log"; status=1; fi
  if [ -s "$work/.titans/slurm-run/result.json" ]; then echo "ok   slurm: the result folder came back"; else echo "FAIL slurm: no .titans/slurm-run/result.json"; status=1; fi
fi
[ $status = 0 ] || { echo "nvim-remote: FAILED"; [ -f "$work/ssh/sshd.log" ] && tail -5 "$work/ssh/sshd.log"; exit 1; }
echo "nvim-remote: passed"
