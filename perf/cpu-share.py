#!/usr/bin/env python3
"""CPU used by other people's processes during a measurement, on a shared machine.
  cpu-share.py snap FILE                 records every process's CPU time and the machine's total
  cpu-share.py diff FILE MARKER...       prints "<foreign %> <ours %> <idle %>" of the machine's capacity since the snap,
                                         "ours" being processes whose command line contains any MARKER, then
                                         "service=<%> repro=<%> keycloak=<%>": the split of ours
A process that started after the snap counts from zero; one that ended in between is lost (short-lived)."""
import json, os, sys

def machine():
    v = list(map(int, open("/proc/stat").readline().split()[1:]))
    return sum(v), v[3] + v[4]

def procs():
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = open(f"/proc/{pid}/stat").read()
            fields = stat[stat.rindex(")") + 2:].split()
            cpu = int(fields[11]) + int(fields[12])  # utime + stime (children not included)
            cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
            out[pid] = (fields[19], cpu, cmd)  # starttime tells a reused pid apart
        except (OSError, ValueError, IndexError):
            pass
    return out

if sys.argv[1] == "snap":
    total, idle = machine()
    json.dump({"total": total, "idle": idle, "procs": procs()}, open(sys.argv[2], "w"))
else:
    before = json.load(open(sys.argv[2]))
    markers = sys.argv[3:]
    total, idle = machine()
    span = max(1, total - before["total"])
    foreign = ours = 0
    split = {"service": 0, "repro": 0, "keycloak": 0}
    for pid, (start, cpu, cmd) in procs().items():
        prev = before["procs"].get(pid)
        used = cpu - prev[1] if prev and prev[0] == start else cpu
        if any(m in cmd for m in markers):
            ours += used
            for key, needle in (("service", "auth-service.jar"), ("repro", "repro.jar"), ("keycloak", "keycloak")):
                if needle in cmd:
                    split[key] += used
        else:
            foreign += used
    # /proc/stat counts per-CPU jiffies over all CPUs; process times are in clock ticks (same unit on Linux).
    print(f"{100 * foreign / span:.0f} {100 * ours / span:.0f} {100 * (idle - before['idle']) / span:.0f} "
          + " ".join(f"{k}={100 * v / span:.0f}" for k, v in split.items()))
