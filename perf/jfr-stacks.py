#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording go: self time by method and by package, and the share of samples
whose stack passes through each part of a refresh (signing, hashing, H2, JSON, Jetty, ...).
Usage: jfr-stacks.py <path to jfr tool> <recording.jfr> [bench.json]
With the bench report, only samples from the measured window count (after the logins and the warm-up)."""
import collections, datetime, json, re, subprocess, sys

jfr_tool, recording = sys.argv[1], sys.argv[2]

def ts(s):  # ISO 8601 with up to nanoseconds and Z or an offset
    s = s.replace("Z", "+00:00")
    s = re.sub(r"(\.\d{6})\d*", r"\1", s)
    return datetime.datetime.fromisoformat(s).timestamp()

window = None
if len(sys.argv) > 3:
    b = json.load(open(sys.argv[3]))
    opened = next(float(m.group(1)) for e in b["evidence"] for m in [re.search(r"before the clock started \(([\d.]+) s\)", e)] if m)
    start = ts(b["startedAt"]) + opened + b["warmup_s"]
    window = (start, start + b["duration_s"])
raw = subprocess.run([jfr_tool, "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", recording],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]

def name(frame):
    m = frame["method"]
    return f'{m["type"]["name"]}.{m["name"]}'.replace("/", ".")

self_m, self_pkg, incl = collections.Counter(), collections.Counter(), collections.Counter()
CATS = [  # (label, substrings; a sample counts once per label when any frame matches)
    ("ES256 signing (BouncyCastle ECDSA / JCA Signature)", ["org.bouncycastle.crypto.signers", "org.bouncycastle.math.ec", "java.security.Signature", "sun.security.ec"]),
    ("SHA-256 / MessageDigest", ["java.security.MessageDigest", "sun.security.provider.SHA", "sun.security.provider.DigestBase"]),
    ("Argon2 (logins, before the clock)", ["Argon2"]),
    ("H2 database", ["org.h2."]),
    ("JDBI / connection pool (tomcat-jdbc)", ["org.jdbi.", "org.apache.tomcat.jdbc"]),
    ("Jackson JSON", ["com.fasterxml.jackson"]),
    ("jjwt", ["io.jsonwebtoken"]),
    ("Jersey", ["org.glassfish.jersey"]),
    ("Jetty", ["org.eclipse.jetty"]),
    ("Logging (logback)", ["ch.qos.logback", "org.slf4j"]),
    ("Dropwizard metrics", ["com.codahale.metrics"]),
    ("SecureRandom", ["SecureRandom", "NativePRNG", "DRBG"]),
    ("nexus-auth code (any frame)", ["com.nexustrade."]),
]
# Exclusive view: each sample counted once, under the innermost part of the program it was in when sampled (JDK
# frames such as HashMap.get count for the library that called them). Unlike the inclusive view it adds up to 100 %
# and does not depend on the outer frames, which JFR cuts off beyond its stack depth (64 frames by default).
PARTS = [  # (label, frame prefixes), matched from the top of the stack down; the first part found takes the sample
    ("ECDSA arithmetic (SunEC / BouncyCastle)", ["sun.security.ec", "sun.security.util.math", "org.bouncycastle"]),
    ("SHA-256, AES-GCM, DRBG (JDK providers)", ["sun.security.provider", "com.sun.crypto", "javax.crypto"]),
    ("H2", ["org.h2."]),  # split below into the commit's store write and the rest
    ("tomcat-jdbc pool", ["org.apache.tomcat.jdbc"]),
    ("JDBI (handles, SqlObject, config, binding, mapping)", ["org.jdbi."]),
    ("jjwt (claims, JSON, Base64URL)", ["io.jsonwebtoken"]),
    ("Jackson", ["com.fasterxml.jackson"]),
    ("logback", ["ch.qos.logback", "org.slf4j"]),
    ("Dropwizard metrics", ["com.codahale.metrics"]),
    ("nexus-auth code", ["com.nexustrade."]),
    ("HK2 (Jersey's injection)", ["org.jvnet.hk2", "org.glassfish.hk2"]),
    ("Jersey", ["org.glassfish.jersey"]),
    ("Dropwizard", ["io.dropwizard."]),
    ("Jetty", ["org.eclipse.jetty"]),
]
parts = collections.Counter()
cats = collections.Counter()
threads = collections.Counter()
skipped = 0
for e in events:
    if window and not (window[0] <= ts(e["values"]["startTime"]) <= window[1]):
        skipped += 1
        continue
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    top = name(frames[0])
    self_m[top] += 1
    self_pkg[".".join(top.split(".")[:3])] += 1
    names = [name(f) for f in frames]
    seen = set(names)
    for n in seen:
        incl[n] += 1
    part = next((label for n in names for label, prefixes in PARTS if n.startswith(tuple(prefixes))), "JDK only (no library frame)")
    if part == "H2":
        writing = any(n.startswith(("org.h2.mvstore.MVStore.store", "org.h2.mvstore.MVStore.tryCommit", "org.h2.mvstore.MVStore.commit",
                                    "org.h2.mvstore.FileStore")) for n in names)
        part = "H2: commit, writing the changed pages to the file" if writing else "H2: statements (parse, execute, indexes, MVCC)"
    parts[part] += 1
    joined = "\n".join(seen)
    for label, keys in CATS:
        if any(k in joined for k in keys):
            cats[label] += 1
    t = e["values"].get("sampledThread") or {}
    tn = (t.get("javaName") or t.get("osName") or "?")
    threads[tn.rstrip("0123456789-") or tn] += 1

n = sum(self_m.values())
pct = lambda c: f"{100 * c / n:5.1f}%"
print(f"{n} execution samples (jdk.ExecutionSample)" + (f" in the measured window; {skipped} outside it (logins, warm-up, shutdown) left out" if window else "") + "\n")
print("Share of samples whose stack passes through (inclusive; a sample can count in several rows):")
for label, _ in CATS:
    print(f"  {pct(cats[label])}  {label}")
print("\nExclusive (each sample once, under the innermost part of the program it was in; adds up to 100 %):")
for label, c in parts.most_common():
    print(f"  {pct(c)}  {label}")
print("\nSelf time, top 30 methods (top frame):")
for m, c in self_m.most_common(30):
    print(f"  {pct(c)}  {m}")
print("\nSelf time by package prefix, top 15:")
for m, c in self_pkg.most_common(15):
    print(f"  {pct(c)}  {m}")
print("\nInclusive, top 40 methods of com.nexustrade:")
for m, c in [x for x in incl.most_common() if x[0].startswith("com.nexustrade")][:40]:
    print(f"  {pct(c)}  {m}")
print("\nSamples by thread name (digits stripped):")
for m, c in threads.most_common(10):
    print(f"  {pct(c)}  {m}")
