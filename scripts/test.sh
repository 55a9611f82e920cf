#!/usr/bin/env bash
# Runs every test: core unit and property tests, integration tests against a real Azurite (each
# fixture starts its own on free loopback ports), end-to-end tests through the local runner.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh

# The browser tests drive Debian's Chromium (/usr/bin/chromium) through Playwright: no browser download.
if ! command -v chromium >/dev/null; then
  echo "==> installing chromium (Debian package)"
  as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "==> dotnet test"
dotnet test Schedly.sln -c Release -nologo --logger "console;verbosity=normal" "$@"
