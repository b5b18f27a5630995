#!/usr/bin/env bash
# Prepares the other-editors tests (test/other-editors/): Debian's Neovim (0.7) and Emacs
# (28, no X) with eglot and markdown-mode, which headless runs drive against the installed
# npm package. .ci/run calls it before `npm test` and then sets SEGDOC_OTHER_EDITORS=required,
# so a missing editor fails the tests instead of skipping them. Already installed: it only checks.
set -euo pipefail

packages=(neovim emacs-nox elpa-eglot elpa-markdown-mode)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "== apt-get install ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive timeout 600 apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
timeout 30 nvim --version | head -n 1
timeout 30 emacs --version | head -n 1
timeout 30 emacs --batch --eval '(progn (require (quote eglot)) (princ (format "eglot from %s\n" (locate-library "eglot"))))'
