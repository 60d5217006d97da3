#!/usr/bin/env bash
# Prints one DPoP proof (RFC 9449 §4.2) signed with an ES256 (P-256) key in PEM, using openssl only.
#   docs/dpop-proof.sh KEY.pem METHOD URL [ACCESS_TOKEN]
#   docs/dpop-proof.sh KEY.pem --jkt          # the key's RFC 7638 thumbprint, as cnf.jkt shows it
# Make a key once per device:  openssl ecparam -name prime256v1 -genkey -noout -out device.pem
# URL is tokens.issuer + the endpoint path (e.g. http://localhost:8080/auth/refresh), never the address you
# happen to reach the service by. ACCESS_TOKEN adds "ath", for requests that present a DPoP access token.
set -euo pipefail
key=$1 method=$2 url=${3:-} access_token=${4:-}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# The DER public key ends with the uncompressed point 04 || X || Y (32 bytes each).
x=$(openssl ec -in "$key" -pubout -outform DER 2>/dev/null | tail -c 64 | head -c 32 | b64url)
y=$(openssl ec -in "$key" -pubout -outform DER 2>/dev/null | tail -c 32 | b64url)
jwk='{"crv":"P-256","kty":"EC","x":"'$x'","y":"'$y'"}' # RFC 7638: required members, sorted, no spaces

if [ "$method" = "--jkt" ]; then
  printf '%s' "$jwk" | openssl dgst -sha256 -binary | b64url; echo
  exit 0
fi

header='{"typ":"dpop+jwt","alg":"ES256","jwk":'$jwk'}'
claims='{"jti":"'$(openssl rand -hex 16)'","htm":"'$method'","htu":"'$url'","iat":'$(date +%s)
if [ -n "$access_token" ]; then
  claims=$claims',"ath":"'$(printf '%s' "$access_token" | openssl dgst -sha256 -binary | b64url)'"'
fi
claims=$claims'}'
input=$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)

# openssl signs in DER (SEQUENCE of r and s); JWS wants r || s, 32 bytes each (RFC 7518 §3.4).
rs=$(printf '%s' "$input" | openssl dgst -sha256 -sign "$key" | openssl asn1parse -inform DER \
  | awk -F: '/INTEGER/ { v = $NF; while (length(v) < 64) v = "0" v; printf "%s", substr(v, length(v) - 63) }')
printf '%s.%s\n' "$input" "$(printf '%s' "$rs" | xxd -r -p | b64url)"
