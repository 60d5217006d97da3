#!/usr/bin/env bash
# Fetch Keycloak 26.4.0 (Quarkus distribution) from Maven Central with Maven and unpack it into .dist/.
# Nothing fetched here is committed: perf/keycloak/.dist is git-ignored.
set -euo pipefail
cd "$(dirname "$0")"
KC_VERSION=${KC_VERSION:-26.4.0}
dist=.dist
home="$dist/keycloak-$KC_VERSION"
if [ -x "$home/bin/kc.sh" ]; then echo "Keycloak $KC_VERSION already unpacked in perf/keycloak/$home"; exit 0; fi
mkdir -p "$dist"
mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$dist"
zip="$dist/keycloak-quarkus-dist-$KC_VERSION.zip"
python3 - "$zip" "$dist" <<'PY'
import sys, zipfile, os, stat
z = zipfile.ZipFile(sys.argv[1])
for info in z.infolist():
    path = z.extract(info, sys.argv[2])
    mode = (info.external_attr >> 16) & 0o777
    if mode:
        os.chmod(path, mode)
PY
rm -f "$zip"
test -x "$home/bin/kc.sh"
echo "Keycloak $KC_VERSION unpacked in perf/keycloak/$home"
