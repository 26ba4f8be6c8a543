# Sourced by ci/browser.sh and ci/lighthouse.sh: installs what a fresh Debian
# machine lacks (as root, non-interactive): Chromium from apt, never a browser
# downloaded by a test tool, and the npm packages pinned in package-lock.json.
if [[ ! -x /usr/bin/chromium ]] || ! command -v npm >/dev/null; then
  apt-get update -qq
  command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  [[ -x /usr/bin/chromium ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
# node_modules/.installed-from is the lock file it was installed from.
if ! cmp -s ci/browser/package-lock.json ci/browser/node_modules/.installed-from; then
  (cd ci/browser && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-from)
fi
# Serves directory $1 on 127.0.0.1 at a free port; sets $served_url; the server dies with the script.
serve() {
  local log
  log=$(mktemp)
  node ci/browser/serve.js "$1" >"$log" &
  servers+=("$!")
  trap 'kill "${servers[@]}" 2>/dev/null' EXIT
  for _ in $(seq 50); do [[ -s $log ]] && break; sleep 0.1; done
  served_url=$(head -1 "$log")
  rm -f "$log"
  [[ $served_url == http://127.0.0.1:* ]] || { echo "the server for $1 did not start" >&2; return 1; }
}
servers=()
