#!/usr/bin/env bash
# Check the running Keycloak (start.sh) with curl: password grant, refresh_token grant with rotation, the
# roles in the access token, and that a used refresh token is refused (accepted with KC_ROTATION=default).
# Exit 0 when all hold.
set -euo pipefail
port=${KC_PORT:-8180}
T="http://127.0.0.1:$port/realms/nexustrade/protocol/openid-connect/token"
client=nexustrade-mobile
field() { python3 -c 'import sys,json; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

login=$(curl -s --max-time 10 -w '\n%{http_code}' "$T" -d grant_type=password -d client_id=$client \
  -d username=trader1 -d password="${KC_TRADER_PASSWORD:-trader1-demo-password}")
[ "$(tail -1 <<<"$login")" = 200 ] || fail "password grant: $login"
body=$(head -n -1 <<<"$login")
rt1=$(field refresh_token <<<"$body")
python3 - "$(field access_token <<<"$body")" <<'PY' || fail "access token claims"
import sys, json, base64
h, p, _ = sys.argv[1].split(".")
dec = lambda s: json.loads(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)))
hdr, c = dec(h), dec(p)
roles = sorted(c.get("realm_access", {}).get("roles", []))
assert {"admin", "trader"} <= set(roles), roles
assert c["exp"] - c["iat"] == 300, c["exp"] - c["iat"]
print(f"ok   password grant: 200, alg {hdr['alg']}, realm_access.roles {roles}, email {c.get('email')}, lifetime {c['exp'] - c['iat']} s")
PY

r=$(curl -s --max-time 10 -w '\n%{http_code}' "$T" -d grant_type=refresh_token -d client_id=$client --data-urlencode refresh_token="$rt1")
[ "$(tail -1 <<<"$r")" = 200 ] || fail "refresh_token grant: $r"
rt2=$(head -n -1 <<<"$r" | field refresh_token)
[ "$rt2" != "$rt1" ] || fail "refresh did not rotate the refresh token"
echo "ok   refresh_token grant: 200 with a new refresh token"

r=$(curl -s --max-time 10 -w '\n%{http_code}' "$T" -d grant_type=refresh_token -d client_id=$client --data-urlencode refresh_token="$rt1")
code=$(tail -1 <<<"$r")
if [ "${KC_ROTATION:-strict}" = default ]; then
  [ "$code" = 200 ] || fail "KC_ROTATION=default, yet reusing the old refresh token was refused: $code"
  echo "ok   reusing the old refresh token: 200 (not revoked on use, KC_ROTATION=default)"
else
  [ "$code" != 200 ] || fail "reusing the old refresh token was accepted"
  echo "ok   reusing the old refresh token: $code $(head -n -1 <<<"$r")"
fi
