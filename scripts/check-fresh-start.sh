#!/usr/bin/env bash
# Proves the README's quick start as a newcomer meets it: a clean clone of HEAD, the machine's own
# Node (whatever version that is; Debian 12's is 20), `npm ci && npm start`, and the home page
# served at the URL it prints. Usage: scripts/check-fresh-start.sh [seconds to wait, default 300]
set -u
limit=${1:-300}
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel) || exit 2
# The machine's PATH only: no node_modules/.bin of this checkout, no Node brought by a caller.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill -- -"$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "machine's node: $(node --version 2>/dev/null || echo none), npm $(npm --version 2>/dev/null || echo none)"
git clone -q "$repo" "$work/clone" || exit 2
cd "$work/clone" || exit 2
start=$(date +%s)
set -m
(npm ci --no-audit --no-fund && npm start) >"$work/log" 2>&1 &
server=$!
set +m
while [ $(($(date +%s) - start)) -lt "$limit" ]; do
  # The URL the server prints (without the colour codes around it).
  url=$(sed 's/\x1b\[[0-9;]*m//g' "$work/log" | grep -o 'http://localhost:[0-9]*/' | head -1)
  if [ -n "$url" ] && curl -fs "$url" | grep -q '<html lang="zh-CN"'; then
    echo "OK: 'npm ci && npm start' served the home page at $url after $(($(date +%s) - start)) s; the scripts ran on the project's node $(node_modules/.bin/node --version)"
    exit 0
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 2
done
echo "FAILED: 'npm ci && npm start' did not serve the home page within ${limit} s. Last lines:"
tail -20 "$work/log"
exit 1
