#!/usr/bin/env bash
# Starts a throwaway key-only sshd on 127.0.0.1:$PORT under $D (recipes/ssh-local.sh), with a client key,
# a known_hosts holding its host key, and an ssh config (Host titans-e2e) that keeps host key checking ON.
set -euo pipefail
: "${D:?set D to a fresh folder}"; PORT=${PORT:-2222}
mkdir -p "$D" /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$D/hostkey"; ssh-keygen -q -t ed25519 -N '' -f "$D/clientkey"
# SESSION_PATH (optional): the PATH sessions get, e.g. to reach the test Slurm's command wrappers.
if [ -n "${SESSION_PATH:-}" ]; then
  printf 'environment="PATH=%s" %s\n' "$SESSION_PATH" "$(cat "$D/clientkey.pub")" > "$D/authorized_keys"
else
  cp "$D/clientkey.pub" "$D/authorized_keys"
fi
chmod 600 "$D/authorized_keys"
cat > "$D/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $PORT
HostKey $D/hostkey
PidFile $D/sshd.pid
AuthorizedKeysFile $D/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem sftp internal-sftp
PermitUserEnvironment $([ -n "${SESSION_PATH:-}" ] && echo yes || echo no)
CONF
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$D/hostkey.pub")" > "$D/known_hosts"
cat > "$D/ssh_config" <<CONF
Host titans-e2e
  HostName 127.0.0.1
  Port $PORT
  User $(id -un)
  IdentityFile $D/clientkey
  IdentitiesOnly yes
  UserKnownHostsFile $D/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
CONF
/usr/sbin/sshd -t -f "$D/sshd_config"
/usr/sbin/sshd -f "$D/sshd_config" -E "$D/sshd.log"
for _ in $(seq 1 50); do [ -s "$D/sshd.pid" ] && break; sleep 0.1; done
ssh -F "$D/ssh_config" titans-e2e 'echo sshd ready'
