#!/usr/bin/env python3
"""Medians of a perf/run-comparison.sh results directory: writes summary.json and summary.md there."""
import glob, json, os, re, statistics, sys
from collections import defaultdict

out = sys.argv[1]
med = lambda xs: round(statistics.median(xs), 1) if xs else None

def max_rss(path):
    try:
        return max(int(l.split()[1]) for l in open(path) if l.strip())
    except (OSError, ValueError):
        return None

foreign = {}  # run name -> % of the machine's CPU used by other processes during the kept attempt
ct = os.path.join(out, "contention.tsv")
if os.path.exists(ct):
    for line in open(ct).read().splitlines()[1:]:
        name, _, share, _ = line.split("\t")
        foreign[name] = int(share.split()[0])

bench = defaultdict(list)
for f in sorted(glob.glob(os.path.join(out, "bench-*.json"))):
    m = re.match(r"bench-(.+)-c(\d+)-r(\d+)\.json$", os.path.basename(f))
    if not m:  # set aside (*.contended-N.json): other processes used the CPU during it
        continue
    d = json.load(open(f))
    d["_rss"] = max_rss(f[:-5] + ".rss")
    d["_foreign"] = foreign.get(os.path.basename(f)[:-5])
    bench[(m.group(1), int(m.group(2)))].append(d)

summary = {"bench": [], "ratios": [], "storm": None, "startup": {}, "keycloak_startup": None}
for (target, c), runs in sorted(bench.items()):
    ok = [r for r in runs if r.get("throughput_rps") is not None]
    summary["bench"].append({
        "target": target, "clients": c, "runs": len(ok),
        "throughput_rps": med([r["throughput_rps"] for r in ok]),
        "throughput_rps_all": [r["throughput_rps"] for r in ok],
        "p50_ms": med([r["latency_ms"]["p50"] for r in ok]),
        "p99_ms": med([r["latency_ms"]["p99"] for r in ok]),
        "p99_ms_all": [r["latency_ms"]["p99"] for r in ok],
        "failed_refreshes": sum(r.get("failed_refreshes", 0) for r in ok),
        "max_rss_mb": max([r["_rss"] for r in ok if r["_rss"]], default=None),
        "foreign_cpu_pct_all": [r["_foreign"] for r in ok],
    })
rows = {(b["target"], b["clients"]): b for b in summary["bench"]}
for (target, c), b in rows.items():
    kc = rows.get(("keycloak", c))
    if target != "keycloak" and kc and b["throughput_rps"] and kc["throughput_rps"]:
        summary["ratios"].append({"target": target, "clients": c,
                                  "throughput_x": round(b["throughput_rps"] / kc["throughput_rps"], 2),
                                  "p99_fraction_of_keycloak": round(b["p99_ms"] / kc["p99_ms"], 3)})

storms = []
for f in sorted(glob.glob(os.path.join(out, "storm-*.json"))):
    d = json.load(open(f)); d["_rss"] = max_rss(f[:-5] + ".rss")
    d["_foreign"] = foreign.get(os.path.basename(f)[:-5]); storms.append(d)
if storms:
    summary["storm"] = {
        "runs": len(storms), "users": storms[0].get("users"), "devices": storms[0].get("devices"),
        "forced_logouts_all": [s.get("forced_logouts") for s in storms],
        "forced_logouts": med([s.get("forced_logouts", 0) for s in storms]),
        "p50_ms": med([s["latency_ms"]["p50"] for s in storms]),
        "p99_ms": med([s["latency_ms"]["p99"] for s in storms]),
        "p99_ms_all": [s["latency_ms"]["p99"] for s in storms],
        "max_ms": med([s["latency_ms"]["max"] for s in storms]),
        "wake_to_answer_p99_ms": med([s["wake_to_answer_ms"]["p99"] for s in storms if "wake_to_answer_ms" in s]),
        "throughput_rps": med([s["throughput_rps"] for s in storms]),
        "status_counts": [s.get("status_counts") for s in storms],
        "transport_errors": [s.get("transport_errors") for s in storms],
        "max_rss_mb": max([s["_rss"] for s in storms if s["_rss"]], default=None),
        "foreign_cpu_pct_all": [s["_foreign"] for s in storms],
    }

st = os.path.join(out, "startup-service.tsv")
if os.path.exists(st):
    per = defaultdict(lambda: ([], []))
    for line in open(st).read().splitlines()[1:]:
        jdk, _, s, rss = line.split("\t"); per[jdk][0].append(float(s)); per[jdk][1].append(int(rss))
    summary["startup"] = {j: {"runs": len(s), "startup_s": round(statistics.median(s), 2), "startup_s_all": s,
                              "rss_after_startup_mb": med(r)} for j, (s, r) in per.items()}
kcs = os.path.join(out, "startup-keycloak.txt")
if os.path.exists(kcs):
    kv = dict(l.split("=", 1) for l in open(kcs).read().splitlines() if "=" in l and not l.startswith("pid"))
    summary["keycloak_startup"] = kv

json.dump(summary, open(os.path.join(out, "summary.json"), "w"), indent=2)

md = ["| target | clients | runs | refreshes/s (median) | p50 ms | p99 ms | max RSS MB | all throughputs | all p99 | others' CPU % per run |",
      "|---|---|---|---|---|---|---|---|---|---|"]
for b in summary["bench"]:
    md.append(f"| {b['target']} | {b['clients']} | {b['runs']} | {b['throughput_rps']} | {b['p50_ms']} | {b['p99_ms']} | "
              f"{b['max_rss_mb']} | {b['throughput_rps_all']} | {b['p99_ms_all']} | {b['foreign_cpu_pct_all']} |")
md.append("")
md.append("| ours vs Keycloak | clients | throughput × | p99 as a fraction of Keycloak's |")
md.append("|---|---|---|---|")
for r in summary["ratios"]:
    md.append(f"| {r['target']} | {r['clients']} | {r['throughput_x']} | {r['p99_fraction_of_keycloak']} |")
if summary["storm"]:
    s = summary["storm"]; md += ["", "storm: " + json.dumps(s)]
md += ["", "startup: " + json.dumps(summary["startup"]), "keycloak startup: " + json.dumps(summary["keycloak_startup"])]
open(os.path.join(out, "summary.md"), "w").write("\n".join(md) + "\n")
print("\n".join(md))
