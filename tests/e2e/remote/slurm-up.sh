#!/usr/bin/env bash
# Single-node Slurm (22.05) for tests, following shared recipes/slurm-single-node.sh: munge and the daemons
# run inside a private network namespace that has only loopback. Writes $S/bin/{sbatch,scancel,sacct,scontrol,
# squeue,sinfo}: wrappers that enter that namespace, so the runner calls them like the real commands.
set -euo pipefail
: "${S:?set S to a fresh folder}"; NSNAME=${NSNAME:-titans-e2e-slurm}
mkdir -p "$S"/{munge,msock,state,spool,log,run,bin}; chmod 755 "$S"; chmod 700 "$S/munge"; chmod 755 "$S/msock"  # munged: every folder above the socket must be 755
ip netns add "$NSNAME"; ip -n "$NSNAME" link set lo up; ip -n "$NSNAME" addr add 127.0.0.2/8 dev lo
NS="nsenter --net=/run/netns/$NSNAME"
mungekey -c -k "$S/munge/munge.key"
munged --socket="$S/msock/munge.socket.2" --key-file="$S/munge/munge.key" --log-file="$S/munge/munged.log" \
       --pid-file="$S/munge/munged.pid" --seed-file="$S/munge/munged.seed"
cat > "$S/slurm.conf" <<CONF
ClusterName=titans
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$S/msock/munge.socket.2
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool/slurmd-%n
SlurmctldPidFile=$S/run/slurmctld.pid
SlurmdPidFile=$S/run/slurmd-%n.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$S/log/jobcomp.txt
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=4000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$S/slurm.conf"
$NS slurmctld -f "$S/slurm.conf"
$NS slurmd -f "$S/slurm.conf" -N localhost
for c in sbatch scancel sacct scontrol squeue sinfo; do
  printf '#!/bin/sh\nSLURM_CONF=%s exec nsenter --net=/run/netns/%s %s "$@"\n' "$S/slurm.conf" "$NSNAME" "$(command -v "$c")" > "$S/bin/$c"
  chmod +x "$S/bin/$c"
done
for _ in $(seq 1 50); do "$S/bin/sinfo" -h -o %T 2>/dev/null | grep -q idle && break; sleep 0.2; done
echo "slurm ready: $("$S/bin/sinfo" -h -o '%P %a %D %T %N')"
