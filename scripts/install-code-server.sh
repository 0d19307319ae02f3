#!/usr/bin/env bash
# Installs the test VS Code (code-server 4.100.3 = VS Code 1.100.3) into test-host/node_modules, and
# Debian's Chromium for driving it, with only the npm registry and Debian's packages. Idempotent: a
# second run only checks. Used by the end-to-end tests and by `npm run demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
for p in chromium libkrb5-dev ripgrep; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# @vscode/ripgrep's postinstall downloads rg from GitHub; it looks in this cache first, so seed it with Debian's rg.
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
[ -f "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ] || \
  tar -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
if [ ! -x test-host/node_modules/.bin/code-server ]; then
  echo "installing code-server 4.100.3 into test-host/ (about a minute)"
  # unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty's postinstall runs npx node-gyp.
  (cd test-host && npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund >/dev/null)
fi
node -p "'code-server ' + require('./test-host/node_modules/code-server/package.json').version"
