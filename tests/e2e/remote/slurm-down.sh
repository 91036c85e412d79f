#!/usr/bin/env bash
# Stops what slurm-up.sh started (by pid files), then removes its namespace.
S=${S:?}; NSNAME=${NSNAME:-titans-e2e-slurm}
for f in "$S"/run/slurmd-localhost.pid "$S"/run/slurmctld.pid; do [ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
sleep 1
munged --socket="$S/msock/munge.socket.2" --stop 2>/dev/null || true
ip netns delete "$NSNAME" 2>/dev/null || true
