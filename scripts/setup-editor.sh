#!/usr/bin/env bash
# Installs what the editor tests (test/editor/) need: Debian's chromium and ripgrep, and
# code-server 4.100.3 from the npm registry into a cache folder outside node_modules, so
# that the extension's own dependencies stay small and the 300 MB editor is shared by every
# checkout on the machine. Idempotent: a second run only checks and prints what it found.
#
#   npm run setup:editor                 install what is missing
#   SEGDOC_CACHE=/some/dir npm run ...   put code-server somewhere else
#
# It prints the code-server binary's path on its last line, prefixed "code-server: ".
set -euo pipefail

CS_VERSION=4.100.3
CACHE="${SEGDOC_CACHE:-$HOME/.cache/segdoc}"
CS_DIR="$CACHE/code-server-$CS_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
# The marker is written last, so a half-finished install (killed, out of disk) is redone
# instead of being mistaken for a good one.
MARKER="$CS_DIR/.segdoc-installed"
# code-server 4.100.3 bundles @vscode/ripgrep 1.15.11, which downloads ripgrep 13.0.0 from
# GitHub in its postinstall unless the asset is already in its cache folder.
RG_PKG_VERSION=1.15.11
RG_ASSET_VERSION=v13.0.0-10

say() { echo "setup:editor: $*"; }
started=$(date +%s)

# 1. Debian packages. chromium drives the UI tests; ripgrep stands in for the binary that
# @vscode/ripgrep would download; libkrb5-dev lets code-server's kerberos module build;
# procps gives the tests `ps`, to find the language server they crash on purpose.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v ps >/dev/null 2>&1 || missing+=(procps)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
    say "missing Debian packages ${missing[*]} and not root: install them and run again" >&2
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "chromium, ripgrep, procps and libkrb5-dev already installed"
fi

# 2. code-server, serialised with a lock so that two checkouts setting up at once do not
# install into the same folder together.
mkdir -p "$CACHE"
exec 9>"$CACHE/.code-server.lock"
flock 9
if [ -f "$MARKER" ] && [ -x "$CS_BIN" ]; then
  say "code-server $CS_VERSION already installed in $CS_DIR"
else
  say "installing code-server $CS_VERSION from the npm registry into $CS_DIR (about 2 minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # A private TMPDIR holds the ripgrep cache, so no other program's temp files are touched
  # and the trick works whatever the machine's TMPDIR is.
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-gnu ;;
    *) say "unsupported architecture $(uname -m)" >&2; exit 1 ;;
  esac
  rg_cache="$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$rg_cache" "$tmp/rg"
  cp "$(command -v rg)" "$tmp/rg/rg"
  tar -czf "$rg_cache/ripgrep-$RG_ASSET_VERSION-$rg_target.tar.gz" -C "$tmp/rg" rg
  # The folder gets its own package.json so that npm installs here and never walks up into
  # a project that happens to contain the cache folder.
  echo '{ "private": true, "name": "segdoc-code-server-cache" }' >"$CS_DIR/package.json"
  # unsafe_perm: code-server's postinstall refuses to run as root otherwise. yes: node-pty's
  # postinstall calls `npx node-gyp`, which would otherwise stop to ask.
  (
    cd "$CS_DIR"
    TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error --save-exact "code-server@$CS_VERSION"
  )
  [ -x "$CS_BIN" ] || { say "install finished but $CS_BIN is missing" >&2; exit 1; }
  date -u +%FT%TZ >"$MARKER"
  say "installed code-server $CS_VERSION in $(($(date +%s) - started)) s"
fi
flock -u 9

# code-server writes a default config file into XDG_CONFIG_HOME on every start, even for
# --version, so it gets a throwaway one instead of the user's home folder.
cfg=$(mktemp -d)
version=$(XDG_CONFIG_HOME="$cfg" "$CS_BIN" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true)
rm -rf "$cfg"
case "$version" in
  "$CS_VERSION"*) ;;
  *) say "code-server in $CS_DIR reports '$version', expected $CS_VERSION; delete the folder and run again" >&2; exit 1 ;;
esac
say "ready in $(($(date +%s) - started)) s"
echo "code-server: $CS_BIN"
