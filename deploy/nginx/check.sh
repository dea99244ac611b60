#!/usr/bin/env bash
# Checks deploy/nginx/telestation.conf with `nginx -t` in a throw-away prefix: a minimal nginx.conf that includes
# the file, a self-signed certificate in place of the real one, log paths under the prefix. Touches nothing in /etc.
# Needs Debian's nginx (apt-get install nginx-light) and openssl.
#   deploy/nginx/check.sh               syntax check (nginx -t)
#   deploy/nginx/check.sh --functional  also runs nginx on free high ports in front of fake_backend.py and checks
#                                       HSTS, forwarded headers, the WebSocket upgrade, the body limit, actuator
set -euo pipefail
functional=""; [ "${1:-}" = --functional ] && functional=yes
here="$(cd "$(dirname "$0")" && pwd)"
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 2; }
prefix="$(mktemp -d)"
chmod 0755 "$prefix"   # nginx workers (user nobody) must reach the temp paths inside
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$prefix"; }
trap cleanup EXIT
mkdir -p "$prefix/logs" "$prefix/ssl" "$prefix/acme"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=teleconsultation.cpts-example.fr" \
  -keyout "$prefix/ssl/privkey.pem" -out "$prefix/ssl/fullchain.pem" 2>/dev/null
sed -e "s#/etc/ssl/telestation/#$prefix/ssl/#g" \
    -e "s#/var/log/nginx/#$prefix/logs/#g" \
    -e "s#/var/www/acme#$prefix/acme#g" \
    "$here/telestation.conf" > "$prefix/telestation.conf"
cat > "$prefix/nginx.conf" <<CONF
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
events {}
http {
    access_log $prefix/logs/access.log;
    client_body_temp_path $prefix/client_body;
    proxy_temp_path $prefix/proxy;
    include $prefix/telestation.conf;
}
CONF
nginx -t -p "$prefix" -c "$prefix/nginx.conf"
[ -n "$functional" ] || exit 0

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port=$(free_port); https_port=$(free_port); backend_port=$(free_port)
sed -i -e "s#listen 80;#listen 127.0.0.1:$http_port;#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
       -e "/listen \[::\]/d" -e "s#server 127.0.0.1:8080;#server 127.0.0.1:$backend_port;#" "$prefix/telestation.conf"
sed -i "s#^events {}#daemon off;\nevents {}#" "$prefix/nginx.conf"
python3 "$here/fake_backend.py" "$backend_port" & pids+=($!)
nginx -p "$prefix" -c "$prefix/nginx.conf" & pids+=($!)
for port in "$backend_port" "$https_port"; do
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done
base="https://teleconsultation.cpts-example.fr:$https_port"
curl_() { curl -sk --resolve "teleconsultation.cpts-example.fr:$https_port:127.0.0.1" "$@"; }
failures=0
passes=0
expect() { if eval "$2"; then echo "ok   $1"; passes=$((passes+1)); else echo "FAIL $1"; failures=$((failures+1)); fi; }

headers=$(curl_ -D - -o /dev/null "$base/booking?patient=secret")
expect "page proxied to the server (200)" 'grep -q "^HTTP/2 200" <<<"$headers"'
expect "HSTS from nginx only (server's own dropped)" \
  '[ "$(grep -ci "^strict-transport-security" <<<"$headers")" = 1 ] && grep -qi "max-age=63072000" <<<"$headers"'
expect "X-Forwarded-Proto https reaches the server" 'grep -qi "^x-seen-x-forwarded-proto: https" <<<"$headers"'
expect "HTTP redirects to HTTPS" \
  '[ "$(curl -s -o /dev/null -w "%{http_code}" -H "Host: teleconsultation.cpts-example.fr" "http://127.0.0.1:$http_port/x")" = 301 ]'
expect "access log has no query string" '! grep -q "patient=secret" "$prefix/logs/telestation.access.log"'
for path in /api/station/live /api/station/media /ws/consultation/7f3c2a9e-4b1d-4a2b-9c4d-0a2b3c4d5e6f/live \
    /public/consultation/7f3c2a9e-4b1d-4a2b-9c4d-0a2b3c4d5e6f/live /public/consultation/7f3c2a9e-4b1d-4a2b-9c4d-0a2b3c4d5e6f/signal \
    /public/consultation/7f3c2a9e-4b1d-4a2b-9c4d-0a2b3c4d5e6f/media; do
  reply=$(printf 'GET %s?station=CHR-1 HTTP/1.1\r\nHost: teleconsultation.cpts-example.fr\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\nPING-FRAME' "$path" \
    | timeout 5 openssl s_client -quiet -connect "127.0.0.1:$https_port" -servername teleconsultation.cpts-example.fr 2>/dev/null || true)
  expect "WebSocket upgrade on $path (101, then bytes echoed through the tunnel)" \
    'grep -q "101 Switching Protocols" <<<"$reply" && grep -q "PING-FRAME" <<<"$reply"'
done
big=$(mktemp); head -c $((61 * 1024 * 1024)) /dev/zero > "$big"
expect "61 MB upload refused by nginx (413)" \
  '[ "$(curl_ -o /dev/null -w "%{http_code}" -H "Content-Type: application/octet-stream" --data-binary @"$big" "$base/upload")" = 413 ]'
head -c $((59 * 1024 * 1024)) /dev/zero > "$big"
expect "59 MB upload passed to the server (200)" \
  '[ "$(curl_ -o /dev/null -w "%{http_code}" -H "Content-Type: application/octet-stream" --data-binary @"$big" "$base/upload")" = 200 ]'
rm -f "$big"
expect "actuator probe public" '[ "$(curl_ -o /dev/null -w "%{http_code}" "$base/actuator/health/readiness")" = 200 ]'
expect "other actuator endpoints hidden" '[ "$(curl_ -o /dev/null -w "%{http_code}" "$base/actuator/env")" = 404 ]'
echo "$passes passed, $failures failed"
[ "$failures" = 0 ]
