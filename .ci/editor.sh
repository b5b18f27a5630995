#!/usr/bin/env bash
# Prepares the editor test layer (test/editor/) for CI; .ci/run calls it before `npm test`.
#  1. Debian's chromium and ripgrep, and code-server 4.100.3 from the npm registry into
#     ${SEGDOC_CACHE:-$HOME/.cache/segdoc} (kept between runs on the same machine, so a
#     second run only checks it; from nothing it takes about a minute and a half).
#  2. The VSIX that the UI tests install as a user would. It is built here, not inside the
#     tests, because `npm run package` rebuilds dist/ in place, which would pull the bundles
#     from under the test files that `npm test` runs at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
bash scripts/setup-editor.sh
echo "== npm run package (the VSIX for the UI tests)"
npm run package
echo "editor prerequisites ready in $(($(date +%s) - started)) s"
