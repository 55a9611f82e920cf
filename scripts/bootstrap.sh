#!/usr/bin/env bash
# Installs the repository's npm tooling (Azurite; ESLint and TypeScript for `npm run lint`) when it is
# missing or stale. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ ! -x node_modules/.bin/eslint ] || [ ! -x node_modules/.bin/tsc ] \
  || [ ! -x node_modules/.bin/redocly ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (Azurite, ESLint, TypeScript, Redocly)"
  npm ci --no-audit --no-fund --loglevel=error
fi
