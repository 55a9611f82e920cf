#!/usr/bin/env bash
# Runs Schedly locally: Azurite on 127.0.0.1 (data kept in .azurite/, so bookings survive a restart)
# and the local runner serving the Functions app on http://127.0.0.1:7071. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

scripts/bootstrap.sh

# local.settings.json (git-ignored) starts as a copy of the sample; the operator key and the
# manage-token secret are generated once and kept there, so keys and emailed links survive restarts.
node -e '
  const fs = require("fs"), crypto = require("crypto");
  const file = fs.existsSync("local.settings.json") ? "local.settings.json" : "local.settings.sample.json";
  const s = JSON.parse(fs.readFileSync(file, "utf8"));
  let changed = file !== "local.settings.json";
  const sample = JSON.parse(fs.readFileSync("local.settings.sample.json", "utf8"));
  for (const [name, value] of Object.entries(sample.Values)) {        // settings added since this copy was made
    if (!(name in s.Values)) { s.Values[name] = value; changed = true; }
  }
  for (const name of ["Schedly__Security__OperatorKey", "Schedly__Security__ManageTokenSecret"]) {
    if (!s.Values[name]) { s.Values[name] = "sk_" + crypto.randomBytes(32).toString("base64url"); changed = true; }
  }
  if (s.Values.Schedly__Webhooks__AllowPrivateAddresses === undefined) {
    s.Values.Schedly__Webhooks__AllowPrivateAddresses = "true"; changed = true;   // local receivers on loopback
  }
  if (changed) {
    fs.writeFileSync("local.settings.json", JSON.stringify(s, null, 2) + "\n", { mode: 0o600 });
    console.log("==> wrote local.settings.json (with generated secrets)");
  }'

echo "==> building"
dotnet build functions/Schedly.LocalRunner -c Release -nologo -v quiet -clp:ErrorsOnly

mkdir -p .azurite
AZURITE_PID=""
RUNNER_PID=""
# Ctrl-C reaches every process of the terminal's foreground group at once; whatever is still
# running after that (or after a plain exit) gets SIGTERM, and SIGKILL if it hangs for 10 s.
stop_process() {
  local pid="$1" grace="$2"
  [ -n "$pid" ] || return 0
  for _ in $(seq 1 "$grace"); do   # after Ctrl-C, give it time to finish its own shutdown
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
stop() {
  local grace="${1:-0}"
  trap - EXIT INT TERM
  stop_process "$RUNNER_PID" "$grace"
  stop_process "$AZURITE_PID" "$grace"
  echo "==> stopped Schedly and Azurite"
}
trap 'stop 50' INT
trap 'stop 0' EXIT TERM

echo "==> starting Azurite on 127.0.0.1 (tables :10002, queues :10001, blobs :10000)"
# setsid: Ctrl-C reaches only the runner; Azurite is stopped after it, once its clients are gone.
setsid node node_modules/azurite/dist/src/azurite.js --silent --location "$ROOT/.azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck --disableTelemetry &
AZURITE_PID=$!
for _ in $(seq 1 100); do
  (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break
  kill -0 "$AZURITE_PID" 2>/dev/null || { echo "Azurite did not start (is port 10000-10002 in use?)" >&2; exit 1; }
  sleep 0.1
done

echo "==> starting the local runner"
dotnet functions/Schedly.LocalRunner/bin/Release/net10.0/Schedly.LocalRunner.dll --root "$ROOT" &
RUNNER_PID=$!
wait "$RUNNER_PID"
