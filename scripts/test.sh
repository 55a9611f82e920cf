#!/usr/bin/env bash
# Runs every test: core unit and property tests, integration tests against a real Azurite (each
# fixture starts its own on free loopback ports), end-to-end tests through the local runner.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh

echo "==> dotnet test"
dotnet test Schedly.sln -c Release -nologo --logger "console;verbosity=normal" "$@"
